# Findings in tests are kept at lower confidence.
# ruleid: secrets.generic-password
TEST_PASSWORD = "s3cr3t-Pa55!"
# ruleid: secrets.generic-secret
TEST_TOKEN = "a8Kq3Zx7Lm2Vp9Wr4Tn6"
