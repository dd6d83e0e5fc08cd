import os

# ruleid: secrets.aws-access-key-id
AWS_ACCESS_KEY_ID = "AKIAAU4PCZL6HT4DTCBS"
# ruleid: secrets.aws-secret-access-key
aws_secret_access_key = "xO4z7KdcwjOoGUI01iEFT059hgovC9JPna2EFygO"

# The documentation's example pair is not a secret.
# ok: secrets.aws-access-key-id
EXAMPLE_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
# ok: secrets.aws-secret-access-key
aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
# ok: secrets.aws-access-key-id
PLACEHOLDER_ID = "AKIAXXXXXXXXXXXXXXXX"
# ok: secrets.aws-secret-access-key
aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]

client = boto3.client(
    "s3",
    # ruleid: secrets.aws-access-key-id
    aws_access_key_id="AKIAH4JO24M4DMT7EHHZ",
    # ok: secrets.aws-secret-access-key
    aws_secret_access_key=secret_from_vault,
)

# ruleid: secrets.gcp-api-key
GOOGLE_MAPS_KEY = "AIzav1uXHSwFr_GOhZF-4WO4APcP7cptH9LkYht"
# ok: secrets.gcp-api-key
GOOGLE_MAPS_KEY = "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
# ok: secrets.gcp-api-key
prefix = "AIza" + os.environ["MAPS_KEY_SUFFIX"]
