//go:build ignore

package fixtures

import (
	"context"
	"crypto/sha256"
	"crypto/sha512"
	"database/sql"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/url"
	"os"

	"github.com/getsentry/sentry-go"
	"github.com/segmentio/analytics-go/v3"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

type Issuer struct{ SigningKey interface{ KeyID() string } }

type User struct {
	ID       int64
	Email    string
	Password string
	CardPan  string
}

func login(logger *zap.Logger, user *User, password, apiToken string, r *http.Request, issuer *Issuer, proxyURL string) {
	// ruleid: go.sensitive.secret-in-log
	log.Printf("login %s with %s", user.Email, password)
	// ruleid: go.sensitive.secret-in-log
	slog.Info("calling upstream", "token", apiToken)
	// ruleid: go.sensitive.secret-in-log
	logger.Info("login", zap.String("password", user.Password))
	// ruleid: go.sensitive.secret-in-log
	logrus.WithField("secret", os.Getenv("STRIPE_SECRET_KEY")).Debug("config loaded")
	// ruleid: go.sensitive.secret-in-log
	log.Println("form", r.FormValue("password"))
	// ok: go.sensitive.secret-in-log
	log.Printf("password reset requested for %s", user.Email)
	// ok: go.sensitive.secret-in-log
	slog.Info("login attempt", "user", user.ID, "password_set", password != "")
	// ok: go.sensitive.secret-in-log
	log.Printf("token has %d bytes", len(apiToken))
	// ok: go.sensitive.secret-in-log
	log.Printf("login as %+v", User{ID: user.ID, Password: "[redacted]"})
	// ok: go.sensitive.secret-in-log
	passwordPolicy, tokenCount := "strict", 3
	// ok: go.sensitive.secret-in-log
	log.Printf("policy %s, %d tokens issued", passwordPolicy, tokenCount)
	// ok: go.sensitive.secret-in-log
	err := fmt.Errorf("bad password for %s", user.Email)
	// ok: go.sensitive.secret-in-log
	log.Printf("config from %s", os.Getenv("CONFIG_PATH"))
	// ok: go.sensitive.secret-in-log
	log.Printf("loaded signing key with id %s", issuer.SigningKey.KeyID())
	// ok: go.sensitive.secret-in-log
	logrus.WithField("proxy", config.MaskCredentials(proxyURL)).Warn("overriding proxy")
	_ = err
}

func pay(user *User, cardNumber, iban, ssn string) {
	// ruleid: go.sensitive.personal-data-in-log
	log.Printf("charging card %s", cardNumber)
	// ruleid: go.sensitive.personal-data-in-log
	slog.Info("payout", "iban", iban)
	// ruleid: go.sensitive.personal-data-in-log
	log.Print("card on file: " + user.CardPan)
	// ruleid: go.sensitive.personal-data-in-log
	slog.Warn("identity check failed", "ssn", ssn)
	// ok: go.sensitive.personal-data-in-log
	slog.Info("payment", "user", user.ID, "card", "****"+cardNumber[len(cardNumber)-4:])
	// ok: go.sensitive.personal-data-in-log
	log.Printf("payout to account of user %d", user.ID)
	// ok: go.sensitive.personal-data-in-log
	timeSpan, company := "3d", "ACME"
	// ok: go.sensitive.personal-data-in-log
	log.Printf("%s over %s", company, timeSpan)
	for succNum := range 3 {
		// ok: go.sensitive.personal-data-in-log
		log.Printf("to node %d", succNum)
	}
}

func callAPI(ctx context.Context, base, token, password, email string) (err error) {
	var req *http.Request
	// ruleid: go.sensitive.secret-in-url
	u := base + "/v1/reports?format=csv&access_token=" + token
	// ruleid: go.sensitive.secret-in-url
	login := fmt.Sprintf("https://legacy.example.com/login?user=%s&password=%s", email, password)
	endpoint, err := url.Parse(base + "/v1/export")
	if err != nil {
		return err
	}
	q := endpoint.Query()
	// ok: go.sensitive.secret-in-url
	q.Set("email", email)
	// ruleid: go.sensitive.secret-in-url
	q.Set("api_key", token)
	// ok: go.sensitive.secret-in-url
	q.Set("grant_type", "client_credentials")
	form := url.Values{}
	// ok: go.sensitive.secret-in-url
	form.Set("password", password)
	// ok: go.sensitive.secret-in-url
	next := base + "/v1/items?page_token=" + token
	// ok: go.sensitive.secret-in-url
	req, err = http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/reports?format=csv", nil)
	if err != nil {
		return err
	}
	// ok: go.sensitive.secret-in-url
	req.Header.Set("Authorization", "Bearer "+token)
	_, _, _, _ = u, login, next, form
	return nil
}

func register(ctx context.Context, db *sql.DB, gdb *gorm.DB, email, password, realm string, salt []byte) error {
	// ruleid: go.sensitive.password-fast-hash
	sum := sha256.Sum256([]byte(password))
	// ruleid: go.sensitive.password-fast-hash
	salted := sha512.Sum512(append(salt, []byte(password)...))
	h := sha256.New()
	// ruleid: go.sensitive.password-fast-hash
	h.Write([]byte(password))
	// ok: go.sensitive.password-fast-hash
	digest := sha256.Sum256([]byte(email))
	// ok: go.sensitive.password-fast-hash
	ha1 := sha256.Sum256([]byte(email + ":" + realm + ":" + password))
	// ok: go.sensitive.password-fast-hash
	hash, err := bcrypt.GenerateFromPassword([]byte(password), 12)
	if err != nil {
		return err
	}
	// ruleid: go.sensitive.plaintext-password-storage
	_, err = db.ExecContext(ctx, "INSERT INTO users (email, password) VALUES ($1, $2)", email, password)
	// ruleid: go.sensitive.plaintext-password-storage
	gdb.Create(&User{Email: email, Password: password})
	// ok: go.sensitive.plaintext-password-storage
	_, err = db.ExecContext(ctx, "INSERT INTO users (email, password_hash) VALUES ($1, $2)", email, hash)
	// ok: go.sensitive.plaintext-password-storage
	gdb.Create(&User{Email: email, Password: string(hash)})
	// ok: go.sensitive.plaintext-password-storage
	_, err = db.ExecContext(ctx, "UPDATE users SET last_login = now() WHERE email = $1", email)
	var u User
	// ruleid: go.sensitive.plaintext-password-storage
	u.Password = password
	gdb.Save(&u)
	var v User
	// ok: go.sensitive.plaintext-password-storage
	v.Password = string(hash)
	gdb.Save(&v)
	_, _, _, _ = sum, salted, digest, ha1
	return err
}

func report(hub *sentry.Hub, scope *sentry.Scope, user *User, apiToken string, client analytics.Client) {
	// ruleid: go.sensitive.data-sent-to-third-party
	scope.SetExtra("upstream_token", apiToken)
	// ruleid: go.sensitive.data-sent-to-third-party
	hub.CaptureMessage("card rejected: " + user.CardPan)
	// ok: go.sensitive.data-sent-to-third-party
	scope.SetUser(sentry.User{ID: fmt.Sprint(user.ID)})
	// ok: go.sensitive.data-sent-to-third-party
	hub.CaptureMessage("card rejected for user " + fmt.Sprint(user.ID))
	// ok: go.sensitive.data-sent-to-third-party
	scope.SetTag("token_count", fmt.Sprint(len(apiToken)))
}
