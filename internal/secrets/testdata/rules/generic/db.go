package db

import "os"

var cfg = Config{
	User: "orders",
	// ruleid: secrets.generic-password
	Password: "m9Q!x2Lk7Vz4",
	// ok: secrets.generic-password
	PasswordEnv: "DB_PASSWORD",
}

func load() Config {
	// ok: secrets.generic-password
	password := os.Getenv("DB_PASSWORD")
	// ok: secrets.generic-password
	if password == "admin123" {
		return Config{}
	}
	// ruleid: secrets.generic-secret
	apiKey := "k7Hq2Lx9Mz4Wp8Rv3Tn6Yb1C"
	return Config{Password: password, APIKey: apiKey}
}

const (
	// ok: secrets.generic-password
	cweHardcodedPassword = "CWE-259"
	// ok: secrets.generic-password
	passwordCharset = "ISO-8859-1"
	// ruleid: secrets.generic-password
	adminPassword = "Q7-w!pX29"
)
