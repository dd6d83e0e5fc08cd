package secrets

import (
	"regexp"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
)

// Shorthands for the rule table.
const (
	high   = finding.High
	medium = finding.Medium
	cHigh  = finding.ConfidenceHigh
	cMed   = finding.ConfidenceMedium
	cLow   = finding.ConfidenceLow
)

// notTokenByte is the default tail check for tokens over [A-Za-z0-9_-].
func notTokenByte(c byte) bool { return !isAlnum(c) && c != '_' && c != '-' }

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// lowerTo makes a match less certain and says why.
func lowerTo(m *Match, c finding.Confidence, prop, val, detail string) {
	m.Confidence = min(m.Confidence, c)
	if m.Props == nil {
		m.Props = map[string]string{}
	}
	m.Props[prop] = val
	if detail != "" {
		m.Detail = detail
	}
}

func setProp(m *Match, k, v string) {
	if m.Props == nil {
		m.Props = map[string]string{}
	}
	m.Props[k] = v
}

// builtinDetectors returns the detector table. Each rule's metadata is
// written once here; detectors of one provider share their rule.
func builtinDetectors() []*detector {
	envExample := "`key := os.Getenv(\"SERVICE_API_KEY\")`"

	awsKeyID := newRule("secrets.aws-access-key-id", "AWS access key ID", cweHardcodedCredentials, high, cHigh,
		"An AWS access key ID (AKIA… long-term, ASIA… temporary). With its secret key it signs requests to the account's AWS APIs.",
		"take keys from the default credential chain (instance role, `aws sso login`, AWS_ACCESS_KEY_ID in the environment) instead of the code",
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html")
	awsSecret := newRule("secrets.aws-secret-access-key", "AWS secret access key", cweHardcodedCredentials, high, cHigh,
		"The 40-character secret half of an AWS access key, assigned to a key that names it or following the access key id on its line (credentials.csv).",
		"let the AWS SDK read the credential chain: `cfg, err := config.LoadDefaultConfig(ctx)`",
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html")
	gcpKey := newRule("secrets.gcp-api-key", "Google Cloud API key", cweHardcodedCredentials, high, cHigh,
		"A Google API key (AIza…). Unrestricted keys let anyone bill calls to the project's APIs.",
		"restrict the key in the console and read it from the environment: "+envExample,
		"https://cloud.google.com/docs/authentication/api-keys")
	gcpSA := newRule("secrets.gcp-service-account-key", "Google Cloud service account key", cweHardcodedCredentials, high, cHigh,
		"A service-account JSON key file with its private key: it authenticates as the service account.",
		"use workload identity or `GOOGLE_APPLICATION_CREDENTIALS` pointing to a file outside the repository",
		"https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys")
	azureStorage := newRule("secrets.azure-storage-key", "Azure storage account key", cweHardcodedCredentials, high, cHigh,
		"An Azure storage account key (88 base64 characters), alone or as AccountKey= in a connection string: full access to the account's data.",
		"use a managed identity (`DefaultAzureCredential`) or read the connection string from Key Vault",
		"https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage")
	azureSAK := newRule("secrets.azure-shared-access-key", "Azure shared access key in a connection string", cweHardcodedCredentials, high, cHigh,
		"SharedAccessKey= in a Service Bus, Event Hubs or IoT Hub connection string, or the sig= signature of a shared access signature (SAS) URL or connection string.",
		"use a managed identity or read the connection string from Key Vault at start-up",
		"https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas")
	azureAD := newRule("secrets.azure-client-secret", "Azure AD (Entra ID) client secret", cweHardcodedCredentials, high, cHigh,
		"An Entra ID application client secret (…Q~…): it signs in as the application.",
		"use a certificate credential or a managed identity, or read the secret from Key Vault",
		"https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials")
	github := newRule("secrets.github-token", "GitHub token", cweHardcodedCredentials, high, cHigh,
		"A GitHub personal access, OAuth, user-to-server, server-to-server or refresh token (ghp_, gho_, ghu_, ghs_, ghr_). Its CRC32 checksum is verified: strings that fail it are not tokens.",
		"use the workflow's GITHUB_TOKEN or a GitHub App installation token read from the environment: `token := os.Getenv(\"GITHUB_TOKEN\")`",
		"https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/")
	githubFG := newRule("secrets.github-fine-grained-token", "GitHub fine-grained personal access token", cweHardcodedCredentials, high, cHigh,
		"A GitHub fine-grained personal access token (github_pat_…).",
		"read it from the environment: `token := os.Getenv(\"GITHUB_TOKEN\")`",
		"https://docs.github.com/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens")
	gitlab := newRule("secrets.gitlab-token", "GitLab token", cweHardcodedCredentials, high, cHigh,
		"A GitLab personal, project, group, deploy, runner, trigger, feed or OAuth token (glpat-, gldt-, glrt-, glptt-, …) or a runner registration token (GR1348941…).",
		"use CI_JOB_TOKEN in pipelines or read the token from a masked CI/CD variable",
		"https://docs.gitlab.com/ee/security/tokens/")
	bitbucket := newRule("secrets.bitbucket-token", "Bitbucket or Atlassian token", cweHardcodedCredentials, high, cHigh,
		"A Bitbucket app password (ATBB…), a Bitbucket access token (ATCTT…) or an Atlassian API token (ATATT…).",
		"use repository variables marked secured, or OAuth, and read them from the environment",
		"https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/")
	stripe := newRule("secrets.stripe-key", "Stripe secret key", cweHardcodedCredentials, high, cHigh,
		"A Stripe secret or restricted API key (sk_live_, rk_live_; test-mode keys at medium severity) or a webhook signing secret (whsec_).",
		"read it from the environment: `stripe.Key = os.Getenv(\"STRIPE_SECRET_KEY\")`",
		"https://docs.stripe.com/keys")
	paypal := newRule("secrets.paypal-braintree-credential", "PayPal or Braintree credential", cweHardcodedCredentials, high, cHigh,
		"A Braintree access token (access_token$production$…) or a PayPal/Braintree client secret or private key assigned to a key that names the provider.",
		"read it from the environment: `secret := os.Getenv(\"PAYPAL_CLIENT_SECRET\")`",
		"https://developer.paypal.com/api/rest/")
	square := newRule("secrets.square-token", "Square access token or application secret", cweHardcodedCredentials, high, cHigh,
		"A Square access token (EAAA…, sq0atp-…) or OAuth application secret (sq0csp-…).",
		"read it from the environment: `token := os.Getenv(\"SQUARE_ACCESS_TOKEN\")`",
		"https://developer.squareup.com/docs/build-basics/access-tokens")
	adyen := newRule("secrets.adyen-api-key", "Adyen API key", cweHardcodedCredentials, high, cHigh,
		"An Adyen API key (AQE…): it can authorise payments on the merchant account.",
		"read it from the environment: `key := os.Getenv(\"ADYEN_API_KEY\")`",
		"https://docs.adyen.com/development-resources/api-credentials/")
	slack := newRule("secrets.slack-token", "Slack token", cweHardcodedCredentials, high, cHigh,
		"A Slack bot, user, app-level, refresh or configuration token (xoxb-, xoxp-, xapp-, xoxe-…).",
		"read it from the environment: `token := os.Getenv(\"SLACK_BOT_TOKEN\")`",
		"https://api.slack.com/authentication/token-types")
	slackHook := newRule("secrets.slack-webhook-url", "Slack incoming webhook URL", cweHardcodedCredentials, high, cHigh,
		"A Slack incoming-webhook or workflow URL: anyone holding it can post into the channel.",
		"keep the URL in a secret store and read it from the environment: `url := os.Getenv(\"SLACK_WEBHOOK_URL\")`",
		"https://api.slack.com/messaging/webhooks")
	twilio := newRule("secrets.twilio-key", "Twilio API key or auth token", cweHardcodedCredentials, high, cHigh,
		"A Twilio API key (SK…), API secret or account auth token assigned to a key that names Twilio.",
		"read it from the environment: `token := os.Getenv(\"TWILIO_AUTH_TOKEN\")`",
		"https://www.twilio.com/docs/iam/api-keys")
	sendgrid := newRule("secrets.sendgrid-api-key", "SendGrid API key", cweHardcodedCredentials, high, cHigh,
		"A SendGrid API key (SG.<22>.<43>): it sends mail as the account.",
		"read it from the environment: `key := os.Getenv(\"SENDGRID_API_KEY\")`",
		"https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys")
	mailgun := newRule("secrets.mailgun-api-key", "Mailgun API key", cweHardcodedCredentials, high, cHigh,
		"A Mailgun API key (key-<32 hex>, or the newer <32 hex>-<8 hex>-<8 hex> assigned to a key that names Mailgun).",
		"read it from the environment: `key := os.Getenv(\"MAILGUN_API_KEY\")`",
		"https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#primary-account-api-key")
	openai := newRule("secrets.openai-api-key", "OpenAI API key", cweHardcodedCredentials, high, cHigh,
		"An OpenAI API key (sk-proj-…, sk-svcacct-…, sk-admin-… or the legacy sk-…T3BlbkFJ… form).",
		"read it from the environment: `key := os.Getenv(\"OPENAI_API_KEY\")`",
		"https://platform.openai.com/docs/api-reference/authentication")
	anthropic := newRule("secrets.anthropic-api-key", "Anthropic API key", cweHardcodedCredentials, high, cHigh,
		"An Anthropic API or admin key (sk-ant-api03-…, sk-ant-admin01-…).",
		"read it from the environment: `key := os.Getenv(\"ANTHROPIC_API_KEY\")`",
		"https://docs.anthropic.com/en/api/getting-started")
	hf := newRule("secrets.huggingface-token", "Hugging Face token", cweHardcodedCredentials, high, cHigh,
		"A Hugging Face user access token (hf_…) or organisation API token (api_org_…).",
		"read it from the environment: `token = os.environ[\"HF_TOKEN\"]`",
		"https://huggingface.co/docs/hub/security-tokens")
	cohere := newRule("secrets.cohere-api-key", "Cohere API key", cweHardcodedCredentials, high, cMed,
		"A 40-character Cohere API key assigned to a key that names Cohere (Cohere keys carry no prefix).",
		"read it from the environment: `key = os.environ[\"CO_API_KEY\"]`",
		"https://docs.cohere.com/reference/about")
	npm := newRule("secrets.npm-token", "npm access token", cweHardcodedCredentials, high, cHigh,
		"An npm access token (npm_…, CRC32 checksum verified) or a legacy token set as _authToken in .npmrc.",
		"reference an environment variable in .npmrc: `//registry.npmjs.org/:_authToken=${NPM_TOKEN}`",
		"https://docs.npmjs.com/about-access-tokens")
	pypi := newRule("secrets.pypi-token", "PyPI API token", cweHardcodedCredentials, high, cHigh,
		"A PyPI or TestPyPI upload token (pypi-AgEIcHlwaS5vcmc…).",
		"use trusted publishing or `TWINE_PASSWORD` from the CI secret store",
		"https://pypi.org/help/#apitoken")
	nuget := newRule("secrets.nuget-api-key", "NuGet API key", cweHardcodedCredentials, high, cMed,
		"A nuget.org API key (oy2 followed by 43 lower-case letters and digits).",
		"read it from the environment: `dotnet nuget push -k \"$NUGET_API_KEY\"`",
		"https://learn.microsoft.com/nuget/nuget-org/publish-a-package")
	rubygems := newRule("secrets.rubygems-api-key", "RubyGems API key", cweHardcodedCredentials, high, cHigh,
		"A RubyGems.org API key (rubygems_ followed by 48 hex digits).",
		"use trusted publishing or `GEM_HOST_API_KEY` from the CI secret store",
		"https://guides.rubygems.org/api-key-scopes/")
	privKey := newRule("secrets.private-key", "Private key", cweHardcodedKey, high, cHigh,
		"A PEM, PKCS#8, OpenSSH or PGP private key block with its key material (encrypted keys at medium severity).",
		"keep keys in a key store or mounted secret and load them by path: `key, err := os.ReadFile(os.Getenv(\"TLS_KEY_FILE\"))`",
		"https://datatracker.ietf.org/doc/html/rfc7468")
	jwt := newRule("secrets.jwt", "JSON Web Token", cweHardcodedCredentials, high, cHigh,
		"A signed JSON Web Token (eyJ….eyJ….sig): a bearer credential until it expires.",
		"obtain tokens at run time from the identity provider; in tests, mint them with a throw-away key",
		"https://datatracker.ietf.org/doc/html/rfc7519")
	dbURL := newRule("secrets.database-url", "Database URL with password", cweHardcodedCredentials, high, cHigh,
		"A database or message-broker URL (postgres://, mysql://, mongodb+srv://, redis://, amqp://, jdbc:…) that carries a password.",
		"keep the password out of the URL and read it from the environment: `dsn := os.Getenv(\"DATABASE_URL\")`",
		"https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS")
	urlCreds := newRule("secrets.url-credentials", "Password in a URL", cweHardcodedCredentials, medium, cMed,
		"A URL with user:password@ credentials (http, ftp, smtp, ldap, git, …).",
		"send credentials in an Authorization header built from the environment instead of the URL",
		"https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1")
	genPass := newRule("secrets.generic-password", "Hard-coded password", cweHardcodedPassword, medium, cMed,
		"A literal assigned to a key named password, passwd, pwd, pass or passphrase (or HTTP Basic credentials in an Authorization header), judged by length, character mix and entropy after placeholders, templates, references and hashes are set aside.",
		"`password := os.Getenv(\"DB_PASSWORD\")`")
	genSecret := newRule("secrets.generic-secret", "Hard-coded secret, token or API key", cweHardcodedCredentials, medium, cMed,
		"A high-entropy literal assigned to a key named secret, token, api_key, access_key, private_key, client_secret and the like, or a literal bearer token in an Authorization header.",
		envExample)

	googleOAuth := newRule("secrets.google-oauth-client-secret", "Google OAuth client secret", cweHardcodedCredentials, high, cHigh,
		"A Google OAuth 2.0 client secret (GOCSPX-…): with the client id it lets anyone act as the application.",
		"download client secrets at deploy time from Secret Manager and read them from a file outside the repository",
		"https://support.google.com/cloud/answer/15549257")
	service := newRule("secrets.service-token", "SaaS access token", cweHardcodedCredentials, high, cHigh,
		"An access token of a development or infrastructure service with a fixed prefix: Docker Hub (dckr_pat_), Shopify (shpat_, shpss_, shpca_, shppa_), DigitalOcean (dop_v1_, doo_v1_, dor_v1_), HashiCorp Vault (hvs., hvb.), Databricks (dapi), Postman (PMAK-), Grafana (glsa_, glc_), Sentry (sntrys_, sntryu_), Linear (lin_api_), New Relic (NRAK-), Doppler (dp.pt.) and Discord webhook URLs. The provider is named in the finding.",
		"read it from the environment: `token := os.Getenv(\"SERVICE_TOKEN\")`")
	vendor := func(label string, kws []string, pattern string, show int) *detector {
		return &detector{rule: service, label: label, kind: kindPrefix, priority: prioToken, keywords: kws,
			re: re(pattern), tailOK: notTokenByte, show: show, minEntropy: 3.2}
	}

	awsKeyChars := re(`^[A-Za-z0-9/+]{40}$`)
	return []*detector{
		{rule: awsKeyID, kind: kindPrefix, priority: prioToken, keywords: []string{"AKIA", "ASIA", "ABIA", "ACCA"},
			re: re(`^(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}`), skip: 4, show: 4, minEntropy: 2.8},
		{rule: awsSecret, kind: kindAssign, priority: prioContext, keywords: []string{"aws", "secretaccesskey", "secret_access_key"},
			keyOK: func(w []string, _ string) bool {
				j := strings.Join(w, "")
				return strings.Contains(j, "secretaccesskey") || hasWord(w, "aws") && hasWord(w, "secret")
			},
			value: awsKeyChars, minEntropy: 3.8},
		{rule: awsSecret, kind: kindCustom, priority: prioContext, keywords: []string{"AKIA", "ASIA"}, find: findAWSPair, minEntropy: 3.8},
		{rule: gcpKey, kind: kindPrefix, priority: prioToken, keywords: []string{"AIza"},
			re: re(`^AIza[0-9A-Za-z_\-]{35}`), tailOK: notTokenByte, skip: 4, show: 4, minEntropy: 3.5},
		{rule: azureStorage, kind: kindPrefix, priority: prioToken, keywords: []string{"AccountKey="},
			re: re(`^AccountKey=(?P<s>[A-Za-z0-9+/]{86}==)`), tailOK: func(byte) bool { return true }, minEntropy: 4.5},
		{rule: azureStorage, kind: kindAssign, priority: prioContext, keywords: []string{"azure", "storage"},
			keyOK: func(w []string, _ string) bool {
				return hasWord(w, "azure", "storage") && hasWord(w, "key")
			},
			value: re(`^[A-Za-z0-9+/]{86}==$`), minEntropy: 4.5},
		{rule: azureSAK, kind: kindPrefix, priority: prioToken, keywords: []string{"SharedAccessKey="},
			re: re(`^SharedAccessKey=(?P<s>[A-Za-z0-9+/]{42,86}=)`), tailOK: func(byte) bool { return true }, minEntropy: 4.0},
		{rule: azureSAK, kind: kindCustom, priority: prioToken, keywords: []string{"sig="}, find: findSASSignature, minEntropy: 3.5},
		{rule: azureAD, kind: kindCustom, priority: prioToken, keywords: []string{"Q~"}, find: findAzureClientSecret, minEntropy: 3.5},
		{rule: github, kind: kindPrefix, priority: prioToken, keywords: []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_"},
			re: re(`^gh[pousr]_[A-Za-z0-9]{36}`), skip: 4, show: 4, minEntropy: 3.0, check: checkCRC},
		{rule: githubFG, kind: kindPrefix, priority: prioToken, keywords: []string{"github_pat_"},
			re: re(`^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}`), skip: 11, show: 11, minEntropy: 3.5},
		{rule: gitlab, kind: kindPrefix, priority: prioToken,
			keywords: []string{"glpat-", "gldt-", "glrt-", "glptt-", "gloas-", "glcbt-", "glft-", "glimt-", "glagent-", "glsoat-", "glffct-", "GR1348941"},
			re:       re(`^(?:gl(?:pat|dt|rt|ptt|oas|cbt|ft|imt|agent|soat|ffct)-|GR1348941)[A-Za-z0-9_\-]{20,}(?:\.[A-Za-z0-9_\-]{2,}\.[A-Za-z0-9]{2,})?`),
			tailOK:   notTokenByte, show: 6, minEntropy: 3.0, check: skipPrefixToDash},
		{rule: bitbucket, kind: kindPrefix, priority: prioToken, keywords: []string{"ATBB", "ATCTT3xFfGN0", "ATATT3xFfGF0"},
			re:     re(`^(?:ATBB[A-Za-z0-9]{28,64}|AT(?:CTT3xFfGN0|ATT3xFfGF0)[A-Za-z0-9_=\-]{60,300})`),
			tailOK: notTokenByte, skip: 4, show: 4, minEntropy: 3.5},
		{rule: stripe, kind: kindPrefix, priority: prioToken, keywords: []string{"sk_live_", "rk_live_", "sk_test_", "rk_test_", "whsec_"},
			re:     re(`^(?:[sr]k_(?:live|test)_[A-Za-z0-9]{20,247}|whsec_[A-Za-z0-9+/=]{32,})`),
			tailOK: notTokenByte, show: 8, minEntropy: 3.3, check: checkStripe},
		{rule: paypal, kind: kindPrefix, priority: prioToken, keywords: []string{"access_token$production$", "access_token$sandbox$"},
			re:   re(`^access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}`),
			show: 13, minEntropy: 3.0, check: checkBraintree},
		{rule: paypal, kind: kindAssign, priority: prioContext, keywords: []string{"paypal", "braintree"},
			keyOK: func(w []string, _ string) bool {
				return hasWord(w, "paypal", "braintree") && hasWord(w, "secret", "private", "token")
			},
			value: re(`^[A-Za-z0-9_\-]{32,90}$`), minEntropy: 3.5},
		{rule: square, kind: kindPrefix, priority: prioToken, keywords: []string{"sq0atp-", "sq0csp-", "EAAA"},
			re:     re(`^(?:sq0atp-[0-9A-Za-z_\-]{22}|sq0csp-[0-9A-Za-z_\-]{43}|EAAA[A-Za-z0-9_\-]{60})`),
			tailOK: notTokenByte, skip: 4, show: 4, minEntropy: 3.5},
		{rule: adyen, kind: kindPrefix, priority: prioToken, keywords: []string{"AQE"},
			re:     re(`^AQE[A-Za-z0-9+/=]{20,}-[^\s"'` + "`" + `]{20,280}`),
			tailOK: func(byte) bool { return true }, skip: 3, show: 3, minEntropy: 4.0},
		{rule: slack, kind: kindPrefix, priority: prioToken, keywords: []string{"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxo-", "xoxe-", "xoxe.", "xapp-"},
			re:     re(`^(?:xox[bpaors]-[0-9]{6,15}-[0-9A-Za-z\-]{10,250}|xoxe\.xox[bp]-1-[A-Za-z0-9\-]{100,300}|xoxe-1-[A-Za-z0-9\-]{100,300}|xapp-1-[A-Z0-9]{8,}-[0-9]{6,}-[a-f0-9]{32,})`),
			tailOK: notTokenByte, skip: 5, show: 5, minEntropy: 2.8},
		{rule: slackHook, kind: kindPrefix, priority: prioToken, keywords: []string{"https://hooks.slack.com/"},
			re:   re(`^https://hooks\.slack\.com/(?:services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{20,}|workflows/T[A-Z0-9]{6,}/A[A-Z0-9]{6,}/[0-9]{6,}/[A-Za-z0-9]{20,}|triggers/T[A-Z0-9]{6,}/[0-9]{6,}/[a-f0-9]{32})`),
			skip: 24, minEntropy: 3.5},
		{rule: twilio, kind: kindAssign, priority: prioContext, keywords: []string{"twilio"},
			keyOK: func(w []string, _ string) bool {
				return hasWord(w, "twilio") && hasWord(w, "token", "key", "secret", "auth")
			},
			value: re(`^(?:SK[0-9a-fA-F]{32}|[0-9A-Za-z]{32})$`), minEntropy: 3.2},
		{rule: twilio, kind: kindCustom, priority: prioContext, keywords: []string{"twilio"}, find: findTwilioPositional, minEntropy: 3.2},
		{rule: sendgrid, kind: kindPrefix, priority: prioToken, keywords: []string{"SG."},
			re:     re(`^SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}`),
			tailOK: notTokenByte, skip: 3, show: 3, minEntropy: 4.0},
		{rule: mailgun, kind: kindPrefix, priority: prioToken, keywords: []string{"key-"},
			re:     re(`^key-[0-9a-f]{32}`),
			tailOK: notTokenByte, skip: 4, show: 4, minEntropy: 3.2, check: checkMailgun},
		{rule: mailgun, kind: kindAssign, priority: prioContext, keywords: []string{"mailgun"},
			keyOK: func(w []string, _ string) bool {
				return hasWord(w, "mailgun") && hasWord(w, "key", "token", "secret")
			},
			value: re(`^(?:key-)?[0-9a-f]{32}(?:-[0-9a-f]{8}-[0-9a-f]{8})?$`), minEntropy: 3.2},
		{rule: openai, kind: kindPrefix, priority: prioToken, keywords: []string{"sk-"},
			re:     re(`^sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_\-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})`),
			tailOK: notTokenByte, show: 8, minEntropy: 4.0, check: skipPrefixToDash},
		{rule: anthropic, kind: kindPrefix, priority: prioToken + 1, keywords: []string{"sk-ant-"},
			re:     re(`^sk-ant-(?:api|admin|oat|ort|sid)[0-9]{2}-[A-Za-z0-9_\-]{80,120}`),
			tailOK: notTokenByte, skip: 14, show: 7, minEntropy: 4.0},
		{rule: hf, kind: kindPrefix, priority: prioToken, keywords: []string{"hf_", "api_org_"},
			re:     re(`^(?:hf|api_org)_[A-Za-z]{34}`),
			tailOK: notTokenByte, show: 3, minEntropy: 3.5, check: skipPrefixToUnderscore},
		{rule: cohere, kind: kindAssign, priority: prioContext, keywords: []string{"cohere", "co_api_key"},
			keyOK: func(w []string, _ string) bool {
				return hasWord(w, "cohere") && hasWord(w, "key", "token", "secret") || strings.Join(w, "_") == "co_api_key"
			},
			value: re(`^[A-Za-z0-9]{40}$`), minEntropy: 3.8},
		{rule: npm, kind: kindPrefix, priority: prioToken, keywords: []string{"npm_"},
			re: re(`^npm_[A-Za-z0-9]{36}`), skip: 4, show: 4, minEntropy: 3.0, check: checkCRC},
		{rule: npm, kind: kindAssign, priority: prioContext, keywords: []string{"_authtoken"},
			keyOK: func(w []string, line string) bool {
				n := len(w)
				return n >= 2 && w[n-2] == "auth" && w[n-1] == "token" && strings.Contains(line, "_authToken")
			},
			// Legacy UUID tokens only: npm_ tokens are found by the prefix
			// detector, which verifies their checksum.
			value: re(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`), minEntropy: 3.0},
		{rule: pypi, kind: kindPrefix, priority: prioToken, keywords: []string{"pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"},
			re:     re(`^pypi-Ag[A-Za-z0-9_\-]{50,500}`),
			tailOK: notTokenByte, skip: 24, show: 5, minEntropy: 3.5},
		{rule: nuget, kind: kindPrefix, priority: prioToken, keywords: []string{"oy2"},
			re: re(`^oy2[a-z0-9]{43}`), skip: 3, show: 3, minEntropy: 3.5},
		{rule: rubygems, kind: kindPrefix, priority: prioToken, keywords: []string{"rubygems_"},
			re: re(`^rubygems_[0-9a-f]{48}`), skip: 9, show: 9, minEntropy: 3.2},
		{rule: privKey, kind: kindCustom, priority: prioBlock, keywords: []string{"-----BEGIN "},
			find: func(s *scan, d *detector, _ string, start int) { findPrivateKey(s, d, gcpSA, start) }},
		{rule: privKey, kind: kindCustom, priority: prioBlock, keywords: []string{base64PEM}, find: findBase64PrivateKey},
		{rule: jwt, kind: kindPrefix, priority: prioToken, keywords: []string{"eyJ"},
			re:     re(`^eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{16,}`),
			tailOK: notTokenByte, show: 3, check: checkJWT},
		{rule: dbURL, kind: kindCustom, priority: prioURL, keywords: []string{"://"},
			find: func(s *scan, d *detector, _ string, start int) { findURLCredentials(s, d, urlCreds, start) }},
		{rule: googleOAuth, kind: kindPrefix, priority: prioToken, keywords: []string{"GOCSPX-"},
			re: re(`^GOCSPX-[A-Za-z0-9_\-]{28}`), tailOK: notTokenByte, skip: 7, show: 7, minEntropy: 3.5},
		vendor("Docker Hub", []string{"dckr_pat_"}, `^dckr_pat_[A-Za-z0-9_\-]{27,}`, 9),
		vendor("Shopify", []string{"shpat_", "shpss_", "shpca_", "shppa_"}, `^shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}`, 6),
		vendor("DigitalOcean", []string{"dop_v1_", "doo_v1_", "dor_v1_"}, `^do[por]_v1_[a-f0-9]{64}`, 7),
		vendor("HashiCorp Vault", []string{"hvs.", "hvb."}, `^hv[sb]\.[A-Za-z0-9_\-]{90,}`, 4),
		vendor("Databricks", []string{"dapi"}, `^dapi[a-f0-9]{32}(?:-[0-9])?`, 4),
		vendor("Postman", []string{"PMAK-"}, `^PMAK-[a-f0-9]{24}-[a-f0-9]{34}`, 5),
		vendor("Grafana", []string{"glsa_", "glc_"}, `^(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})`, 4),
		vendor("Sentry", []string{"sntrys_", "sntryu_"}, `^(?:sntrys_[A-Za-z0-9+/=_\-]{60,}|sntryu_[a-f0-9]{64})`, 7),
		vendor("Linear", []string{"lin_api_"}, `^lin_api_[A-Za-z0-9]{40}`, 8),
		vendor("New Relic", []string{"NRAK-"}, `^NRAK-[A-Z0-9]{27}`, 5),
		vendor("Doppler", []string{"dp.pt."}, `^dp\.pt\.[A-Za-z0-9]{43}`, 6),
		vendor("Discord webhook", []string{"https://discord.com/api/webhooks/", "https://discordapp.com/api/webhooks/"}, `^https://discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_\-]{60,}`, 0),
		{rule: genSecret, kind: kindCustom, priority: prioGeneric, keywords: []string{"bearer "}, find: findBearer},
		{rule: genPass, kind: kindCustom, priority: prioGeneric, keywords: []string{"basic "}, find: findBasic},
		{rule: genPass, kind: kindCustom, priority: prioGeneric, keywords: []string{"-u ", "--user ", "--user="}, find: findUserPassFlag},
		{rule: genPass, kind: kindAssign, priority: prioGeneric, keywords: []string{"auth"},
			keyOK: func(w []string, _ string) bool { return len(w) > 0 && w[len(w)-1] == "auth" },
			check: checkBasicAuthValue},
		{rule: genPass, kind: kindAssign, priority: prioGeneric,
			keyOK: func(w []string, _ string) bool { return keyClass(w) == "password" },
			check: func(m *Match, s *scan) bool { return genericValueOK(m.Secret, "password", s.assign.words...) }},
		{rule: genSecret, kind: kindAssign, priority: prioGeneric,
			keyOK: func(w []string, _ string) bool { return keyClass(w) == "secret" },
			check: func(m *Match, s *scan) bool { return genericValueOK(m.Secret, "secret", s.assign.words...) }},
	}
}
