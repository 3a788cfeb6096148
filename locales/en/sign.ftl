### Signatures: zhauap verify and zhauap card (src/sign/, src/card/, src/cli/verify.rs, card.rs).

## What verify prints per signer.
sign-signer-title = { $file }, signer { $number }: { $name }
sign-iin = IIN { $iin }
sign-bin = BIN { $bin }
sign-certificate = certificate { $serial } issued by { $issuer }, valid { $from } – { $to } UTC
sign-signed-at = signed at { $time } UTC with { $algorithm }, { $digest }
sign-signed-no-time = signed (no signing time) with { $algorithm }, { $digest }
sign-outcome-valid = valid
sign-outcome-invalid = INVALID
sign-outcome-unverified = NOT VERIFIED
sign-check-content = content
sign-check-digest = digest
sign-check-signature = signature
sign-check-validity = validity
sign-valid-content = the signature's attached content is the letter
sign-valid-digest = the letter's digest is the one signed
sign-valid-signature = the signature value is valid under the certificate's key
sign-valid-validity = signed within the certificate's validity
sign-verified = verified: { $signers } signer(s) of { $letter }
sign-verified-unverified = verified: { $signers } signer(s) of { $letter }, { $unverified } check(s) NOT VERIFIED and accepted by --allow-unverified
sign-not-checked = not checked: the certificates' chain to the NCA RK root and their revocation (OCSP/CRL)

## verify's errors and what to do.
sign-letter-unreadable = the letter cannot be read: { $reason }
sign-letter-unreadable-help = give the signed PDF exactly as it was signed
sign-check-failed = signer { $number } ({ $name }) of { $letter }: { $check }: { $reason }
sign-invalid-help = do not accept the letter as signed: ask for the letter and its signature again
sign-unverified-help = check this signature with NCALayer or ezSigner, then accept it with --allow-unverified
sign-no-signature = no signature of the letter could be read
sign-no-signature-help = give the CMS signature files made over this letter

## Why a check failed or was not made (src/sign/verify.rs, pss.rs).
sign-cms-unreadable = the CMS could not be read
sign-other-content = the signature carries another document ({ $content } bytes) than the letter ({ $letter } bytes)
sign-content-unreadable = the attached content cannot be read: { $reason }
sign-certificate-absent = the signer's certificate is not in the CMS
sign-digest-unknown = zhauap does not compute the digest algorithm { $algorithm }
sign-no-attributes-mismatch = the signature (without signed attributes) does not match the letter's digest
sign-no-attributes-unverified = without signed attributes the digest is checked only through the signature value, which was not verified
sign-content-type = the signed contentType attribute does not name the content's type { $oid }
sign-digest-count = the signature has { $count } messageDigest attributes; it must have exactly one
sign-digest-differs = the letter's { $algorithm } digest differs from the signed one: the letter was changed after signing, or the signature is of another file
sign-attributes-unencodable = the signed attributes cannot be encoded: { $reason }
sign-gost-unverified = the { $algorithm } signature value was not verified: zhauap has no GOST 34.10 verifier (no maintained Rust implementation); the digest was checked
sign-algorithm-unknown = the signature value was not verified: zhauap does not verify the algorithm { $algorithm }
sign-key-unreadable = the certificate's key cannot be read: { $reason }
sign-rsa-digest = an RSA signature with the digest { $digest } is not a combination zhauap verifies
sign-value-mismatch = the { $algorithm } signature value does not match the signed data and the certificate's key
sign-ecdsa-not-der = the ECDSA signature value is not a DER (r, s) pair
sign-no-signing-time = the signature carries no signing time, so the certificate's validity at signing is unknown
sign-outside-validity = signed at { $time } UTC, outside the certificate's validity { $from } – { $to } UTC
sign-pss-parameters = the RSASSA-PSS parameters cannot be read: { $reason }
sign-pss-hash = the RSASSA-PSS parameters name the hash { $hash }, but the signer's digest algorithm is { $digest }
sign-pss-mask = the signature value was not verified: zhauap verifies RSASSA-PSS with MGF1 over the same hash ({ $hash }) only
sign-pss-trailer = the signature value was not verified: the RSASSA-PSS trailer field is not 0xBC
sign-pss-unsupported-hash = the signature value was not verified: zhauap does not verify RSASSA-PSS with the hash { $hash }

## A signature file that cannot be used (src/sign/error.rs).
sign-file-unreadable = the signature file cannot be read: { $reason }
sign-file-unreadable-help = check the path and that the file can be read
sign-file-too-large = the signature file is { $size } bytes; a signature is at most { $limit } bytes
sign-file-too-large-help = give the detached CMS signature (.cms, .p7s, .sig), not the signed document
sign-file-not-cms = the file is not a CMS signature (neither DER, PEM nor base64 text): { $reason }
sign-file-not-cms-help = give the CMS signature as NCALayer saves it: a .cms/.p7s file (DER), PEM, or the base64 text
sign-file-malformed = the CMS signature is damaged or cut short: { $reason }
sign-file-malformed-help = the file was probably cut short or changed in transit; ask the signer for the signature file again
sign-file-not-signed-data = the CMS holds { $oid }, not signed data (1.2.840.113549.1.7.2)
sign-file-no-signers = the CMS signature has no signer
sign-file-no-signers-help = this CMS carries no signature; sign the letter again
sign-file-certificate-missing = the certificate of signer { $number } is not in the CMS signature
sign-file-certificate-missing-help = sign again with the certificate included in the signature (NCALayer includes it by default)

## zhauap card and verify CARD.pdf (src/card/, src/cli/card.rs).
card-signature-refused-help = a card is made of the letter and the signatures made over it; check with zhauap verify LETTER.pdf SIGNATURE.cms
card-not-made = the card could not be made: { $reason }
card-not-made-help = give the PDF zhauap rendered and its CMS signatures
card-wrote = wrote { $file } ({ $count } signature { $count ->
        [one] file
       *[other] files
    })
card-sheets-only = the card shows the signature sheets only; give the letter's YAML with --source to show its pages first
card-source-differs = rendered again, this letter is not { $letter } byte for byte ({ $rendered } bytes against { $size }, first difference at byte { $at }): the card would show pages other than those signed
card-source-differs-help = give the YAML the PDF was rendered from, with the same --templates and --no-typography as then and the same zhauap version; or leave out --source for a card of the signature sheets only
card-unreadable = the card cannot be read: { $reason }
card-unreadable-help = give the card's PDF
card-altered-help = the card was altered after it was made, or it is not a card zhauap made; do not trust it
card-letter-not-pdf = the letter is not a PDF zhauap can read
card-letter-draft = the letter is a draft (its pages carry the draft mark); a card is made of the letter as signed and sent
card-no-files = the card embeds no files: it is not a document card
card-no-signature = the card embeds the document { $letter } but no signature
card-qr-disagrees = the card's QR data disagrees with its embedded signatures: it draws { $drawn } QR codes, and { $differ } of them differ from those of the embedded CMS files
card-not-pdf = not a readable PDF ({ $reason })
card-pdf-no-files = the PDF embeds no files: it is not a document card
card-file-no-name = an embedded file has no name
card-file-no-data = the embedded file { $name } has no data
card-file-unreadable = the embedded file { $name } cannot be read ({ $reason })

## The certificate chain (verify --ca, src/sign/chain.rs).
sign-check-chain = chain
sign-valid-chain = the certificate chains to a trusted certificate (--ca), each valid at signing
sign-not-checked-revocation = not checked: the certificates' revocation (OCSP/CRL)
sign-chain-no-time = the signature carries no signing time, so the chain's validity at signing is unknown
sign-chain-key-usage = the certificate's key usage allows neither digitalSignature nor nonRepudiation
sign-chain-expired = the certificate { $name } is not valid at the signing time (valid { $from } – { $to } UTC)
sign-chain-not-ca = the certificate { $name } signs another certificate but is not a CA certificate
sign-chain-untrusted = the certificate { $name } is not signed by any trusted certificate (--ca) or certificate of the CMS named { $issuer }
sign-chain-too-long = the chain is longer than { $most } certificates
sign-chain-algorithm = a certificate of the chain is signed with { $algorithm }, which zhauap does not verify
sign-file-not-certificate = the file holds no readable certificate: { $reason }
sign-file-not-certificate-help = give the trusted root or intermediate certificates as PEM (-----BEGIN CERTIFICATE-----) or DER
