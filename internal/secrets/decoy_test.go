package secrets

import (
	"context"
	"testing"
)

// TestDecoysAcrossFileTypes holds things that look like secrets to a naive
// scanner and are not: hashes, digests, commit ids, UUIDs, references,
// templates, type annotations, prose and public material.
func TestDecoysAcrossFileTypes(t *testing.T) {
	decoys := map[string][]string{
		"package.json": {
			`"integrity": "sha512-3z8zAbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOp==",`,
			`"resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",`,
			`"forgot_password": "Forgot your password?",`,
			`"password": "Passwort",`,
			`"secret": true,`,
			`"token": null,`,
			`"api_key": "",`,
		},
		"deploy.yaml": {
			`image: nginx@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08`,
			`GIT_COMMIT: 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39`,
			`api_version: "2023-10-16"`,
			`secret_ref: projects/acme/secrets/db-password/versions/latest`,
			`password: "{{ .Values.db.password }}"`,
			`token: <%= ENV['TOKEN'] %>`,
			`AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}`,
			`key: password`,
			`name: db-secret`,
			`password: !ENV ${DB_PASSWORD}`,
			`private_key_path: /etc/ssl/private/key.pem`,
			`secret: my-app-secret`,
		},
		"app.py": {
			`password = hashlib.sha256(pw.encode()).hexdigest()`,
			`def login(username: str, password: str) -> bool:`,
			`api_key: Optional[str] = None`,
			`token = jwt.encode(payload, SECRET_KEY, algorithm="HS256")`,
			`PASSWORD_RESET_TIMEOUT = 86400`,
			`SECRET_KEY = get_random_secret_key()`,
			`token = "ghp_" + suffix`,
			`password_regex = r"^(?=.*[A-Z])(?=.*\d).{8,}$"`,
			`session_token = request.cookies.get("session")`,
		},
		"client.js": {
			`const SECRET_HEADER = 'X-Hub-Signature-256';`,
			`passwordInput.value = '';`,
			`const apiKey = process.env.API_KEY || '';`,
			`headers.Authorization = ` + "`Bearer ${token}`;",
			`const pk = 'pk_live_51HqLyjWDarjtT1zdp7dcXYZpublishable0000000';`,
			`//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpbImFwcC5qcyJdfQ==`,
		},
		"model.go": {
			"Password string `json:\"password\"`",
			`if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {`,
			`token := r.Header.Get("X-Token")`,
			`const tokenTTL = 15 * time.Minute`,
			`authorized := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk2v9bXq3PtR8mZcL0fYwN5sJ4gD7aE1uK6hT2oV9xQ ci@acme"`,
		},
		".env.example": {
			`DATABASE_URL=postgres://user:password@localhost:5432/app`,
			`STRIPE_SECRET_KEY=sk_live_your_key_here`,
			`OPENAI_API_KEY=`,
			`AWS_ACCESS_KEY_ID=AKIA${SUFFIX}`,
			`JWT_SECRET=<generate-with-openssl-rand>`,
			`TOKEN_EXPIRY=3600`,
		},
	}
	a := New(Options{})
	for path, lines := range decoys {
		for _, l := range lines {
			fs, err := a.ScanText(context.Background(), path, []byte(l+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				t.Errorf("%s: decoy %q reported as %s (%s)", path, l, f.RuleID, f.Message)
			}
		}
	}
}
