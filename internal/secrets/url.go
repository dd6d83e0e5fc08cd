package secrets

import (
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
)

// URL parsing bounds.
const (
	maxScheme   = 32
	maxUserinfo = 256
)

// databaseSchemes are URL schemes of databases and message brokers; a
// password in one of them is reported as secrets.database-url.
var databaseSchemes = map[string]bool{
	"postgres": true, "postgresql": true, "mysql": true, "mariadb": true, "mysqlx": true,
	"mongodb": true, "mongodb+srv": true, "redis": true, "rediss": true, "amqp": true, "amqps": true,
	"mssql": true, "sqlserver": true, "oracle": true, "cockroachdb": true, "cockroach": true,
	"clickhouse": true, "cassandra": true, "neo4j": true, "neo4j+s": true, "bolt": true,
	"couchdb": true, "memcached": true, "snowflake": true, "db2": true, "postgis": true,
	"timescaledb": true, "influxdb": true, "elasticsearch": true, "kafka": true, "nats": true,
	"mqtt": true, "mqtts": true, "stomp": true,
}

// localHosts mark development databases: still reported, at lower
// confidence.
var localHosts = []string{"localhost", "127.0.0.1", "0.0.0.0", "::1", "host.docker.internal"}

// findURLCredentials parses scheme://user:password@host around a "://"
// hit without a regex: this keyword is frequent, so the check must be cheap.
func findURLCredentials(s *scan, dbDet *detector, other *finding.Rule, hit int) {
	text := s.text
	ss := hit
	for ss > 0 && hit-ss < maxScheme {
		c := text[ss-1]
		if isAlnum(c) || c == '+' || c == '.' || c == '-' {
			ss--
			continue
		}
		break
	}
	if ss == hit {
		return
	}
	scheme := strings.ToLower(string(text[ss:hit]))
	ui := hit + 3
	at, colon := -1, -1
	for i := ui; i < len(text) && i-ui <= maxUserinfo; i++ {
		c := text[i]
		if c == '@' {
			at = i
			break
		}
		if c == ':' && colon < 0 {
			colon = i
		}
		if c <= ' ' || strings.IndexByte("/?#\"'`<>()[]{}\\,;|", c) >= 0 {
			return
		}
	}
	if at < 0 || colon < 0 || at+1 >= len(text) {
		return
	}
	if h := text[at+1]; !isAlnum(h) && h != '[' {
		return
	}
	user, pass := string(text[ui:colon]), string(text[colon+1:at])
	if len(pass) < 3 || pass == user {
		return
	}
	hostEnd := at + 1
	for hostEnd < len(text) && hostEnd-at < 256 && (isAlnum(text[hostEnd]) || strings.IndexByte(".-_[]:", text[hostEnd]) >= 0) {
		hostEnd++
	}
	host := strings.ToLower(string(text[at+1 : hostEnd]))
	m := Match{Start: colon + 1, End: at}
	d := *dbDet
	if !databaseSchemes[scheme] {
		d.rule = other
	}
	for _, l := range localHosts {
		if strings.HasPrefix(host, l) {
			m.Confidence = cMed
			setProp(&m, "host", "local")
			m.Detail = "the host is local, so it is probably a development password, but such passwords tend to be reused"
		}
	}
	setProp(&m, "scheme", scheme)
	s.addMatch(&d, m)
}
