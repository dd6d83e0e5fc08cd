import os

# ruleid: secrets.twilio-key
TWILIO_AUTH_TOKEN = "4575b7ae039087430ab6c540abf77f29"
# ruleid: secrets.twilio-key
TWILIO_API_KEY = "SK2cf85c9fe7fa4bf5afcd023354ccd0bd"
# ruleid: secrets.twilio-key
twilio_api_secret = '45272d32e8cb24600d5187f6ad1fc67a'
# The account SID is an identifier, not a secret.
# ok: secrets.twilio-key
TWILIO_ACCOUNT_SID = "AC4d3f0b7e9a2c1d5f8e6b4a3c2d1e0f9a"
# ok: secrets.twilio-key
TWILIO_AUTH_TOKEN = os.getenv("TWILIO_AUTH_TOKEN")
# ruleid: secrets.sendgrid-api-key
SENDGRID_API_KEY = "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"
# ruleid: secrets.mailgun-api-key
MAILGUN_API_KEY = "376d35e8457474679ac300c6fc8718d6-b07e4c82-d3f1b132"
# ok: secrets.mailgun-api-key
CACHE_DOC = "a key-value store"
# ruleid: secrets.slack-token
SLACK_APP_TOKEN = "xapp-1-AX9E0R8ZWES-7615032019516-cef6f160ccb492afea15cb1fb86c50776d18f18ae20d280e8bf02b06d477be41"
# ruleid: secrets.slack-webhook-url
requests.post("https://hooks.slack.com/services/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", json=payload)
