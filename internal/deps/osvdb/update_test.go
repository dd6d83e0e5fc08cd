package osvdb

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func buildZip(t testing.TB, entries map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range entries {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var advisoryZip = map[string]string{
	"GHSA-aaaa-bbbb-cccc.json": `{"id":"GHSA-aaaa-bbbb-cccc","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"left-pad"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.3.1"}]}]}]}`,
	"GHSA-dddd-eeee-ffff.json": `{"id":"GHSA-dddd-eeee-ffff","modified":"2024-01-01T00:00:00Z","summary":"` + strings.Repeat("padding ", 200) + `","affected":[{"package":{"ecosystem":"npm","name":"qs"},"versions":["6.7.0"]}]}`,
}

// zipServer serves body as /npm/all.zip with Range support and records
// the Range header of each request.
type zipServer struct {
	mu     sync.Mutex
	body   []byte
	md5    string
	ranges []string
}

func (s *zipServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.ranges = append(s.ranges, r.Header.Get("Range"))
	body := s.body
	s.mu.Unlock()
	if r.URL.Path != "/npm/all.zip" {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("ETag", `"v1"`)
	if s.md5 != "" {
		w.Header().Set("X-Goog-Hash", "crc32c=AAAAAA==,md5="+s.md5)
	}
	http.ServeContent(w, r, "all.zip", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), bytes.NewReader(body))
}

func md5b64(b []byte) string {
	// codeaudit:ignore go.crypto.weak-hash -- mimics the storage server's published MD5 header
	s := md5.Sum(b)
	return base64.StdEncoding.EncodeToString(s[:])
}

var fetchTime = time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)

func update(t *testing.T, srv *httptest.Server, dir string) error {
	t.Helper()
	return Update(context.Background(), UpdateOptions{
		Dir: dir, BaseURL: srv.URL, Ecosystems: []string{"npm"}, HTTPClient: srv.Client(),
		Now: func() time.Time { return fetchTime },
	})
}

func TestUpdateFresh(t *testing.T) {
	body := buildZip(t, advisoryZip)
	zs := &zipServer{body: body, md5: md5b64(body)}
	srv := httptest.NewServer(zs)
	defer srv.Close()
	dir := t.TempDir()
	if err := update(t, srv, dir); err != nil {
		t.Fatal(err)
	}
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := db.FetchedAt("npm"); !got.Equal(fetchTime) {
		t.Errorf("fetched at %v, want %v", got, fetchTime)
	}
	ix, err := db.Load(context.Background(), "npm")
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := ix.Match("left-pad", "1.3.0")
	if len(ms) != 1 || ms[0].FixedVersion != "1.3.1" {
		t.Errorf("matches = %+v", ms)
	}
	if _, err := os.Stat(filepath.Join(dir, "npm", "all.zip.partial")); !os.IsNotExist(err) {
		t.Errorf("partial file left behind: %v", err)
	}
}

func TestUpdateResumes(t *testing.T) {
	body := buildZip(t, advisoryZip)
	zs := &zipServer{body: body, md5: md5b64(body)}
	srv := httptest.NewServer(zs)
	defer srv.Close()
	dir := t.TempDir()
	partial := filepath.Join(dir, "npm", "all.zip.partial")
	os.MkdirAll(filepath.Dir(partial), 0o755)
	const have = 300
	os.WriteFile(partial, body[:have], 0o644)
	os.WriteFile(partial+".etag", []byte(`"v1"`), 0o644)

	if err := update(t, srv, dir); err != nil {
		t.Fatal(err)
	}
	if len(zs.ranges) != 1 || zs.ranges[0] != "bytes=300-" {
		t.Errorf("requests' Range headers = %q, want one resumed request from byte 300", zs.ranges)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "npm", "all.zip"))
	if !bytes.Equal(got, body) {
		t.Errorf("resumed file differs from the original (%d vs %d bytes)", len(got), len(body))
	}
}

func TestUpdateRejectsCorruptZip(t *testing.T) {
	good := buildZip(t, advisoryZip)
	tests := []struct {
		name string
		body []byte
		md5  string
	}{
		{"not a zip", []byte("<html>captive portal</html>"), ""},
		{"entry is not OSV JSON", buildZip(t, map[string]string{"X.json": "{not json"}), ""},
		{"md5 mismatch", good, md5b64([]byte("something else"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			old := filepath.Join(dir, "npm", "all.zip")
			os.MkdirAll(filepath.Dir(old), 0o755)
			os.WriteFile(old, good, 0o644)
			srv := httptest.NewServer(&zipServer{body: tt.body, md5: tt.md5})
			defer srv.Close()
			if err := update(t, srv, dir); err == nil {
				t.Fatal("corrupt download accepted")
			}
			if got, _ := os.ReadFile(old); !bytes.Equal(got, good) {
				t.Error("old database replaced by a corrupt download")
			}
			if _, err := os.Stat(old + ".partial"); !os.IsNotExist(err) {
				t.Error("corrupt partial kept for resuming")
			}
		})
	}
}

func TestUpdateMissingEcosystem(t *testing.T) {
	srv := httptest.NewServer(&zipServer{body: buildZip(t, advisoryZip)})
	defer srv.Close()
	err := Update(context.Background(), UpdateOptions{Dir: t.TempDir(), BaseURL: srv.URL, Ecosystems: []string{"npm", "Nope"}, HTTPClient: srv.Client()})
	if err == nil || !strings.Contains(err.Error(), "Nope") {
		t.Errorf("err = %v, want a failure naming Nope", err)
	}
}
