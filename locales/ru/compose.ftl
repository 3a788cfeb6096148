### Templates and composing.
