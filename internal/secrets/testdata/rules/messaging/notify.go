package notify

import "os"

const (
	// ruleid: secrets.slack-token
	botToken = "xoxb-195123211910-0147085218268-p1bFFIrqrWbg95gFa8bmFVQD"
	// ruleid: secrets.slack-token
	userToken = "xoxp-66752912655-04535878928-4204729312399-acf9eb9fd1ffa565c4ba77190905da16"
	// ok: secrets.slack-token
	docToken = "xoxb-your-bot-token"
	// ok: secrets.slack-token
	zeroToken = "xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx"
	// ruleid: secrets.slack-webhook-url
	alerts = "https://hooks.slack.com/services/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"
	// ok: secrets.slack-webhook-url
	sampleHook = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
	// ok: secrets.slack-webhook-url
	hookBase = "https://hooks.slack.com/services/"
	// ruleid: secrets.sendgrid-api-key
	sendgridKey = "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"
	// ok: secrets.sendgrid-api-key
	sendgridDocs = "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	// ruleid: secrets.mailgun-api-key
	mailgunKey = "key-7a4c21fb9402d527a074579b88e84a63"
)

func send(msg Message) error {
	// ok: secrets.sendgrid-api-key
	msg.Subject = "SG.report"
	// ok: secrets.mailgun-api-key
	key := os.Getenv("MAILGUN_API_KEY")
	// ok: secrets.slack-token
	token := os.Getenv("SLACK_BOT_TOKEN")
	return post(key, token, msg)
}
