package secrets

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzScan runs the whole detector pipeline over arbitrary bytes: it must
// not panic, every match must lie inside the text, and no finding may carry
// its secret.
func FuzzScan(f *testing.F) {
	f.Add("config.env", "PASSWORD=Tr0ub4dor&3x\nAWS=AKIAZ3XQ7JH2MPLV4NWR\n")
	f.Add("k.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----")
	f.Add("a.py", "url = 'postgres://u:p4ssw0rdX@h/db' token='eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl'")
	f.Add("a.json", `{"private_key": "-----BEGIN PRIVATE KEY-----\nQ~\n-----END PRIVATE KEY-----", "type": "service_account"}`)
	f.Add("Dockerfile", "ENV DB_PASSWORD s3cr3tPa55\nARG x")
	f.Add("kubeconfig", "client-key-data: LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSUE9PQotLS0tLUVORCBFQyBQUklWQVRFIEtFWS0tLS0tCg==\n")
	sc, err := NewScanner()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, path, text string) {
		ms, err := sc.Scan(context.Background(), path, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Secret {
				t.Fatalf("match %d-%d outside text or wrong secret", m.Start, m.End)
			}
		}
		fs := findingsFor(path, []byte(text), ms)
		b, _ := json.Marshal(fs)
		for _, m := range ms {
			if len(m.Secret) >= 12 && strings.Contains(string(b), m.Secret) {
				t.Fatalf("finding leaks secret of %s", m.Rule.ID)
			}
		}
	})
}
