//! Throw-away signers and CMS signatures for the tests of `zhauap verify`
//! and `zhauap card`: keys are made here, in the test, and never written
//! anywhere; zhauap itself reads no private key.
//!
//! Each signer has a certificate issued by a test CA whose subject carries
//! what an NCA RK certificate does: CN, SURNAME, SERIALNUMBER=IIN…, C=KZ,
//! GIVENNAME (the patronymic), O and OU=BIN…. [`detached_cms`] signs a
//! letter as NCALayer does: a detached SignedData with the signed attributes
//! contentType, messageDigest and signingTime.
//!
//! For CI scripts that need a signed letter without Rust code of their own,
//! the test `sign::fixtures_for_ci` writes `letter.pdf`, `rsa.cms`,
//! `ecdsa.cms` and `joint.cms` into the folder `ZHAUAP_TEST_SIGN_OUT` names.

use std::str::FromStr;
use std::sync::OnceLock;

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{Any, BitString, ObjectIdentifier, OctetString, SetOfVec};
use der::{Decode, Encode};
use p256::ecdsa::signature::hazmat::PrehashSigner;
use p256::elliptic_curve::Generate;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use x509_cert::builder::{Builder, CertificateBuilder, profile::BuilderProfile};
use x509_cert::ext::Extension;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{
    AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef,
};
use x509_cert::time::{Time, Validity};
use zhauap::sign::DigestAlgorithm;

pub const ID_DATA: &str = "1.2.840.113549.1.7.1";
const ID_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
const CONTENT_TYPE: &str = "1.2.840.113549.1.9.3";
const MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
const SIGNING_TIME: &str = "1.2.840.113549.1.9.5";
const SHA256_WITH_RSA: &str = "1.2.840.113549.1.1.11";
const RSASSA_PSS: &str = "1.2.840.113549.1.1.10";
const ECDSA_WITH_SHA256: &str = "1.2.840.10045.4.3.2";
/// NCA RK's OIDs for GOST 34.10-2015 512-bit keys and signatures.
const GOST_2015_512_KEY: &str = "1.2.398.3.10.1.4.1.2";
const GOST_2015_512_SIGNATURE: &str = "1.2.398.3.10.1.1.2.3.2";

/// The subjects of the test certificates, as zhauap should read them back.
pub const RSA_NAME: &str = "ТЕСТОВ ТЕСТ ТЕСТОВИЧ";
pub const RSA_IIN: &str = "123456789011";
pub const RSA_BIN: &str = "123456789021";
pub const ECDSA_NAME: &str = "ЖАУАПОВА АЙГУЛЬ САПАРОВНА";
pub const ECDSA_IIN: &str = "870101400123";
pub const GOST_NAME: &str = "ҚОЛТАҢБА ӘЛИ";
pub const GOST_IIN: &str = "900202300456";

/// The signing time every test signature carries: 2026-12-01 09:30:00 UTC.
pub const SIGNING_TIME_UNIX: u64 = 1_796_117_400;

pub fn oid(s: &str) -> ObjectIdentifier {
    ObjectIdentifier::new_unwrap(s)
}

/// A throw-away private key.
pub enum Key {
    Rsa(Box<rsa::PrivateKey>),
    P256(p256::ecdsa::SigningKey),
    /// A GOST 34.10 key zhauap cannot check: the "signature value" is made
    /// up, and zhauap must report it as not verified, never as valid.
    Gost,
}

/// A certificate and its key.
pub struct TestSigner {
    pub cert: Certificate,
    pub key: Key,
}

impl TestSigner {
    pub fn digest(&self) -> DigestAlgorithm {
        match self.key {
            Key::Rsa(_) | Key::P256(_) => DigestAlgorithm::Sha256,
            Key::Gost => DigestAlgorithm::Streebog512,
        }
    }
}

/// The test CA: a fixed P-256 key (fast, and the same issuer every run).
fn ca_key() -> p256::ecdsa::SigningKey {
    p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).expect("a valid P-256 scalar")
}

fn ca_name() -> Name {
    Name::from_str("CN=ТЕСТОВЫЙ УЦ ЖАУАП (TEST),C=KZ").expect("the CA name")
}

/// An issuer-side profile with the subject we want and no extensions: the
/// builder's CA/Browser profiles would rewrite an NCA-like subject.
struct Issued {
    subject: Name,
}

impl BuilderProfile for Issued {
    fn get_issuer(&self, _subject: &Name) -> Name {
        ca_name()
    }
    fn get_subject(&self) -> Name {
        self.subject.clone()
    }
    fn build_extensions(
        &self,
        _spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        _tbs: &x509_cert::TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        Ok(Vec::new())
    }
}

/// 2026-01-01 – 2028-01-01 UTC.
fn validity() -> Validity {
    let t = |unix: u64| {
        Time::try_from(std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix))
            .expect("a time")
    };
    Validity::new(t(1_767_225_600), t(1_830_297_600))
}

fn issue(subject: &str, serial: u32, spki: SubjectPublicKeyInfoOwned) -> Certificate {
    issue_by(&ca_key(), subject, serial, spki)
}

/// A certificate of `subject` issued under the test CA's name and signed by `key`.
fn issue_by(
    key: &p256::ecdsa::SigningKey,
    subject: &str,
    serial: u32,
    spki: SubjectPublicKeyInfoOwned,
) -> Certificate {
    let profile = Issued {
        subject: Name::from_str(subject).expect("the subject"),
    };
    let builder = CertificateBuilder::new(profile, SerialNumber::from(serial), validity(), spki)
        .expect("a certificate builder");
    builder
        .build::<_, p256::ecdsa::DerSignature>(key)
        .expect("the CA signs the certificate")
}

/// The test CA's own certificate (self-signed), as PEM: what `verify --ca`
/// is given to trust the test signers.
pub fn ca_pem() -> String {
    self_signed_pem(&ca_key())
}

/// A CA under the same name with another key: the test signers'
/// certificates are not signed by it.
pub fn other_ca_pem() -> String {
    self_signed_pem(&p256::ecdsa::SigningKey::from_slice(&[9u8; 32]).expect("a valid P-256 scalar"))
}

fn self_signed_pem(key: &p256::ecdsa::SigningKey) -> String {
    use base64ct::{Base64, Encoding};
    let spki = SubjectPublicKeyInfoOwned::from_key(key.verifying_key()).expect("the key");
    let cert = issue_by(key, "CN=ТЕСТОВЫЙ УЦ ЖАУАП (TEST),C=KZ", 1, spki);
    let b64 = Base64::encode_string(&cert.to_der().expect("DER"));
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).expect("ASCII"))
        .collect();
    format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        lines.join("\n")
    )
}

/// An RSA-2048 signer with an IIN and a BIN (a legal entity's employee).
/// The key is made once per test run: RSA key generation takes a while.
pub fn rsa_signer() -> &'static TestSigner {
    static SIGNER: OnceLock<TestSigner> = OnceLock::new();
    SIGNER.get_or_init(|| {
        let key = rsa::PrivateKey::new(&mut rand::rng(), 2048).expect("an RSA key");
        let spki = SubjectPublicKeyInfoOwned::from_key(&key.to_public_key()).expect("the key");
        let cert = issue(
            &format!(
                "CN=ТЕСТОВ ТЕСТ,SURNAME=ТЕСТОВ,SERIALNUMBER=IIN{RSA_IIN},C=KZ,O=АО «Жауап Тест»,OU=BIN{RSA_BIN},GIVENNAME=ТЕСТОВИЧ"
            ),
            0x5a11,
            spki,
        );
        TestSigner {
            cert,
            key: Key::Rsa(Box::new(key)),
        }
    })
}

/// An ECDSA P-256 signer, a person (IIN only).
pub fn ecdsa_signer() -> &'static TestSigner {
    static SIGNER: OnceLock<TestSigner> = OnceLock::new();
    SIGNER.get_or_init(|| {
        let key = p256::ecdsa::SigningKey::generate_from_rng(&mut rand::rng());
        let spki = SubjectPublicKeyInfoOwned::from_key(key.verifying_key()).expect("the key");
        let cert = issue(
            &format!(
                "CN=ЖАУАПОВА АЙГУЛЬ,SURNAME=ЖАУАПОВА,SERIALNUMBER=IIN{ECDSA_IIN},C=KZ,GIVENNAME=САПАРОВНА"
            ),
            0xec01,
            spki,
        );
        TestSigner {
            cert,
            key: Key::P256(key),
        }
    })
}

/// A signer with a GOST 34.10-2015 512-bit certificate (NCA's OIDs) whose
/// signature values are made up: only the digest can be checked.
pub fn gost_signer() -> &'static TestSigner {
    static SIGNER: OnceLock<TestSigner> = OnceLock::new();
    SIGNER.get_or_init(|| {
        let spki = SubjectPublicKeyInfoOwned {
            algorithm: AlgorithmIdentifierOwned {
                oid: oid(GOST_2015_512_KEY),
                parameters: None,
            },
            subject_public_key: BitString::from_bytes(&[0x42; 128]).expect("a bit string"),
        };
        let cert = issue(
            &format!("CN=ҚОЛТАҢБА ӘЛИ,SERIALNUMBER=IIN{GOST_IIN},C=KZ"),
            0x6057,
            spki,
        );
        TestSigner {
            cert,
            key: Key::Gost,
        }
    })
}

/// How a test CMS is made; [`Options::default`] is what NCALayer makes.
#[derive(Clone)]
pub struct Options {
    /// The signingTime attribute (None: left out).
    pub signing_time: Option<u64>,
    /// Put the letter inside the CMS (an attached signature).
    pub attached: bool,
    /// Flip a bit of each signature value (a forged signature).
    pub corrupt_value: bool,
    /// RSA signers sign with RSASSA-PSS (SHA-256, MGF1-SHA-256) and this
    /// salt length, written in the algorithm's parameters.
    pub pss_salt: Option<u8>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            signing_time: Some(SIGNING_TIME_UNIX),
            attached: false,
            corrupt_value: false,
            pss_salt: None,
        }
    }
}

/// A detached CMS (DER) over `letter` by one signer.
pub fn detached_cms(letter: &[u8], signer: &TestSigner) -> Vec<u8> {
    cms(letter, &[signer], &Options::default())
}

/// A CMS over `letter` by each of `signers` (one SignerInfo each: a joint
/// signature when there are several).
pub fn cms(letter: &[u8], signers: &[&TestSigner], options: &Options) -> Vec<u8> {
    let mut digests = Vec::new();
    let mut infos = Vec::new();
    let mut certs = Vec::new();
    for signer in signers {
        let digest_alg = digest_algorithm(&signer.digest());
        let hash = zhauap::sign::digest(&signer.digest(), letter).expect("a digest we compute");
        let attrs = signed_attributes(&hash, options.signing_time);
        let to_sign = zhauap::sign::digest(&signer.digest(), &attrs.to_der().expect("DER"))
            .expect("a digest we compute");
        let (algorithm, mut value) = sign(signer, &to_sign, options.pss_salt);
        if options.corrupt_value
            && let Some(last) = value.last_mut()
        {
            *last ^= 1;
        }
        infos.push(SignerInfo {
            version: CmsVersion::V1,
            sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
                issuer: signer.cert.tbs_certificate().issuer().clone(),
                serial_number: signer.cert.tbs_certificate().serial_number().clone(),
            }),
            digest_alg: digest_alg.clone(),
            signed_attrs: Some(attrs),
            signature_algorithm: algorithm,
            signature: OctetString::new(value).expect("an octet string"),
            unsigned_attrs: None,
        });
        digests.push(digest_alg);
        certs.push(CertificateChoices::Certificate(signer.cert.clone()));
    }
    let econtent = options.attached.then(|| {
        Any::encode_from(&OctetString::new(letter.to_vec()).expect("an octet string"))
            .expect("the content")
    });
    let data = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: set(digests),
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: oid(ID_DATA),
            econtent,
        },
        certificates: Some(CertificateSet(set(certs))),
        crls: None,
        signer_infos: SignerInfos(set(infos)),
    };
    ContentInfo {
        content_type: oid(ID_SIGNED_DATA),
        content: Any::encode_from(&data).expect("the signed data"),
    }
    .to_der()
    .expect("the CMS")
}

/// The same CMS without its certificates (a signer zhauap cannot name).
pub fn without_certificates(cms_der: &[u8]) -> Vec<u8> {
    let info = ContentInfo::from_der(cms_der).expect("a CMS");
    let mut data: SignedData = info.content.decode_as().expect("signed data");
    data.certificates = None;
    ContentInfo {
        content_type: info.content_type,
        content: Any::encode_from(&data).expect("the signed data"),
    }
    .to_der()
    .expect("the CMS")
}

fn set<T: der::DerOrd>(items: Vec<T>) -> SetOfVec<T> {
    SetOfVec::try_from(items).expect("distinct set members")
}

fn digest_algorithm(d: &DigestAlgorithm) -> AlgorithmIdentifierOwned {
    let id = match d {
        DigestAlgorithm::Sha256 => "2.16.840.1.101.3.4.2.1",
        // NCA's OID for GOST 34.11-2015 (512).
        DigestAlgorithm::Streebog512 => "1.2.398.3.10.1.3.3",
        other => panic!("no test signer uses {other:?}"),
    };
    AlgorithmIdentifierOwned {
        oid: oid(id),
        parameters: None,
    }
}

fn signed_attributes(hash: &[u8], signing_time: Option<u64>) -> SetOfVec<Attribute> {
    let attr = |id: &str, value: Any| Attribute {
        oid: oid(id),
        values: set(vec![value]),
    };
    let mut attrs = vec![
        attr(CONTENT_TYPE, Any::encode_from(&oid(ID_DATA)).expect("OID")),
        attr(
            MESSAGE_DIGEST,
            Any::encode_from(&OctetString::new(hash.to_vec()).expect("digest")).expect("digest"),
        ),
    ];
    if let Some(unix) = signing_time {
        let time = Time::try_from(std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix))
            .expect("a time");
        attrs.push(attr(
            SIGNING_TIME,
            Any::from_der(&time.to_der().expect("time")).expect("time"),
        ));
    }
    set(attrs)
}

/// The signature algorithm and value over a prehashed message.
fn sign(
    signer: &TestSigner,
    hash: &[u8],
    pss_salt: Option<u8>,
) -> (AlgorithmIdentifierOwned, Vec<u8>) {
    match &signer.key {
        Key::Rsa(key) if let Some(salt) = pss_salt => {
            let params = rsa::pkcs1::RsaPssParams::new::<sha2::Sha256>(salt);
            (
                AlgorithmIdentifierOwned {
                    oid: oid(RSASSA_PSS),
                    parameters: Some(Any::encode_from(&params).expect("PSS parameters")),
                },
                key.sign_with_rng(
                    &mut rand::rng(),
                    rsa::Pss::<sha2::Sha256>::new_with_salt(usize::from(salt)),
                    hash,
                )
                .expect("RSA-PSS signs"),
            )
        }
        Key::Rsa(key) => (
            AlgorithmIdentifierOwned {
                oid: oid(SHA256_WITH_RSA),
                parameters: Some(Any::null()),
            },
            key.sign(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), hash)
                .expect("RSA signs"),
        ),
        Key::P256(key) => {
            let sig: p256::ecdsa::Signature = key.sign_prehash(hash).expect("ECDSA signs");
            (
                AlgorithmIdentifierOwned {
                    oid: oid(ECDSA_WITH_SHA256),
                    parameters: None,
                },
                sig.to_der().as_bytes().to_vec(),
            )
        }
        Key::Gost => (
            AlgorithmIdentifierOwned {
                oid: oid(GOST_2015_512_SIGNATURE),
                parameters: None,
            },
            hash.iter().chain(hash).copied().collect(),
        ),
    }
}
