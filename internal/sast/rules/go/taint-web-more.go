//go:build ignore

package fixtures

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"

	"github.com/antchfx/xmlquery"
	"github.com/antchfx/xpath"
	"github.com/gin-contrib/sessions"
	"github.com/gin-gonic/gin"
	"github.com/go-ldap/ldap/v3"
	gsessions "github.com/gorilla/sessions"
)

var store *gsessions.CookieStore

var validName = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,32}$`)

func login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// ruleid: go.taint.open-redirect
	http.Redirect(w, r, next, http.StatusFound)
	// ruleid: go.taint.open-redirect
	http.Redirect(w, r, "https://"+r.Host+r.FormValue("path"), http.StatusSeeOther)
	targets := map[string]string{"home": "/", "account": "/account", "user": next}
	// ok: go.taint.open-redirect
	http.Redirect(w, r, targets["account"], http.StatusSeeOther)
	// ok: go.taint.open-redirect
	http.Redirect(w, r, "/login?expired=1", http.StatusSeeOther)
}

func ginLogin(c *gin.Context) {
	// ruleid: go.taint.open-redirect
	c.Redirect(http.StatusFound, c.Query("return_to"))
	if next := c.Query("next"); next == "/dashboard" {
		// ok: go.taint.open-redirect
		c.Redirect(http.StatusFound, next)
	}
}

func findUser(w http.ResponseWriter, r *http.Request, conn *ldap.Conn) {
	user := r.FormValue("user")
	// ruleid: go.taint.ldap-injection
	req := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, "(uid="+user+")", []string{"dn"}, nil)
	conn.Search(req)
	groups := &ldap.SearchRequest{
		BaseDN: "ou=groups,dc=example,dc=com",
		// ruleid: go.taint.ldap-injection
		Filter: fmt.Sprintf("(&(objectClass=group)(member=%s))", r.URL.Query().Get("member")),
	}
	conn.Search(groups)
	// ok: go.taint.ldap-injection
	safe := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, fmt.Sprintf("(uid=%s)", ldap.EscapeFilter(user)), []string{"dn"}, nil)
	conn.Search(safe)
	// ok: go.taint.ldap-injection
	all := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, "(objectClass=person)", []string{user}, nil)
	conn.Search(all)
}

func lookup(w http.ResponseWriter, r *http.Request, doc *xmlquery.Node) {
	name := r.FormValue("name")
	// ruleid: go.taint.xpath-injection
	node := xmlquery.FindOne(doc, "//user[@name='"+name+"']")
	// ruleid: go.taint.xpath-injection
	expr, _ := xpath.Compile(fmt.Sprintf("count(//order[@owner='%s'])", r.URL.Query().Get("owner")))
	// ok: go.taint.xpath-injection
	nodes := xmlquery.Find(doc, "//user[@active='true']")
	if validName.MatchString(name) {
		// ok: go.taint.xpath-injection
		node = xmlquery.FindOne(doc, "//user[@name='"+name+"']")
	}
	fmt.Fprintln(w, node, expr, len(nodes))
}

func remember(w http.ResponseWriter, r *http.Request) {
	sess, _ := store.Get(r, "app")
	// ruleid: go.taint.trust-boundary
	sess.Values["role"] = r.FormValue("role")
	// ruleid: go.taint.trust-boundary
	sess.Values["theme"] = strings.ToLower(r.URL.Query().Get("theme"))
	// ok: go.taint.trust-boundary
	sess.Values["visited"] = true
	allowed := map[string]bool{"light": true, "dark": true}
	if theme := r.FormValue("theme"); allowed[theme] {
		// ok: go.taint.trust-boundary
		sess.Values["theme"] = "dark"
	}
	sess.Save(r, w)
}

func ginRemember(c *gin.Context) {
	session := sessions.Default(c)
	// ruleid: go.taint.trust-boundary
	session.Set("cart", c.PostForm("cart"))
	// ok: go.taint.trust-boundary
	session.Set("seen", 1)
	session.Save()
}

type order struct {
	ID    int
	Items []string
}

func importOrder(w http.ResponseWriter, r *http.Request) {
	var o order
	// ruleid: go.taint.unsafe-deserialization
	gob.NewDecoder(r.Body).Decode(&o)
	var buf bytes.Buffer
	buf.ReadFrom(r.Body)
	// ruleid: go.taint.unsafe-deserialization
	gob.NewDecoder(&buf).Decode(&o)
	var copied bytes.Buffer
	io.Copy(&copied, r.Body)
	// ruleid: go.taint.unsafe-deserialization
	gob.NewDecoder(&copied).Decode(&o)
	// ok: go.taint.unsafe-deserialization
	json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&o)
	var cached bytes.Buffer
	gob.NewEncoder(&cached).Encode(o)
	// ok: go.taint.unsafe-deserialization
	gob.NewDecoder(&cached).Decode(&o)
}
