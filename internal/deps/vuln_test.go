package deps

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestKnownAdvisories checks the three reference cases and the npm and
// Maven fixtures: the advisory, its aliases, the fixed version, location.
func TestKnownAdvisories(t *testing.T) {
	c := run(t, Options{DBDir: testDB(t)}, "testdata/projects")
	got := map[string]string{}
	aliases := map[string][]string{}
	for _, f := range c.byRule(RuleVulnerable) {
		p := f.Properties
		id := strings.SplitN(p["advisory_ids"], ",", 2)[0]
		key := fmt.Sprintf("%s %s@%s %s", f.Location, p["package"], p["version"], id)
		aliases[fmt.Sprintf("%s@%s %s", p["package"], p["version"], id)] = strings.Split(p["aliases"], ",")
		got[key] = fmt.Sprintf("fixed=%s sev=%s cwe=%s", p["fixed_version"], f.Severity, f.CWE)
	}
	want := map[string]string{
		"gomod/go.mod:6 golang.org/x/text@0.3.7 GO-2022-1059":                            "fixed=0.3.8 sev=medium cwe=CWE-1395",
		"python/requirements.txt:2 requests@2.19.1 PYSEC-2018-28":                        "fixed=2.20.0 sev=medium cwe=CWE-1395",
		"rust/Cargo.lock:13 smallvec@1.6.0 RUSTSEC-2021-0003":                            "fixed=1.6.1 sev=critical cwe=CWE-1395",
		"npm/package-lock.json:32 lodash@4.17.15 GHSA-p6mc-m468-83gw":                    "fixed=4.17.20 sev=high cwe=CWE-1321",
		"yarn/yarn.lock:5 minimist@1.2.0 GHSA-vh95-rmgr-6w4m":                            "fixed=1.2.3 sev=medium cwe=CWE-1321",
		"pnpm/pnpm-lock.yaml:10 axios@0.21.0 GHSA-4w2v-q235-vp99":                        "fixed= sev=medium cwe=CWE-918",
		"maven/pom.xml:8 org.apache.logging.log4j:log4j-core@2.14.1 GHSA-jfh8-c2jp-5v3q": "fixed=2.15.0 sev=critical cwe=CWE-917",
		"gosum/go.sum:3 gopkg.in/yaml.v2@2.2.2 GO-2020-0036":                             "fixed=2.2.8 sev=medium cwe=CWE-1395",
		"pyproject/pyproject.toml:5 requests@2.19.1 PYSEC-2018-28":                       "fixed=2.20.0 sev=medium cwe=CWE-1395",
		"nuget/packages.lock.json:5 Newtonsoft.Json@12.0.1 GHSA-5crp-9r3c-p9vr":          "fixed=13.0.1 sev=high cwe=CWE-755",
		"csproj/Api.csproj:6 Newtonsoft.Json@12.0.3 GHSA-5crp-9r3c-p9vr":                 "fixed=13.0.1 sev=high cwe=CWE-755",
		"ruby/Gemfile.lock:4 rack@2.2.3 GHSA-wq4h-7r42-5hrr":                             "fixed=2.2.3.1 sev=medium cwe=CWE-150",
		"php/composer.lock:5 monolog/monolog@2.3.5 PACKAGIST-FIXTURE-0001":               "fixed=2.3.6 sev=low cwe=CWE-1395",
	}
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("missing %s", k)
			continue
		}
		if diff := cmp.Diff(w, g); diff != "" {
			t.Errorf("%s (-want +got):\n%s", k, diff)
		}
	}
	for k := range got {
		if strings.Contains(k, "express") || strings.Contains(k, "jackson") {
			t.Errorf("unexpected finding %s", k)
		}
	}
	// The three reference cases also carry their CVE aliases.
	for k, alias := range map[string]string{
		"golang.org/x/text@0.3.7 GO-2022-1059": "CVE-2022-32149",
		"requests@2.19.1 PYSEC-2018-28":        "CVE-2018-18074",
		"smallvec@1.6.0 RUSTSEC-2021-0003":     "CVE-2021-25900",
	} {
		if !slices.Contains(aliases[k], alias) {
			t.Errorf("%s: aliases %v lack %s", k, aliases[k], alias)
		}
	}
	if t.Failed() {
		for k, v := range got {
			t.Logf("got %s => %s", k, v)
		}
		t.Logf("warnings: %v", c.warnings)
	}
}

func TestSBOMFiles(t *testing.T) {
	dir := t.TempDir()
	cdxPath, spdxPath := dir+"/bom.cdx.json", dir+"/bom.spdx.json"
	c := run(t, Options{DBDir: dir + "/none", SBOMs: []SBOMRequest{{FormatCycloneDX, cdxPath}, {FormatSPDX, spdxPath}}}, "testdata/projects")
	if len(c.warnings) == 0 || !strings.Contains(c.warnings[0], "no OSV database") {
		t.Errorf("want a no-database warning, got %v", c.warnings)
	}
	for _, p := range []string{cdxPath, spdxPath} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"pkg:golang/golang.org/x/text@0.3.7", "pkg:cargo/smallvec@1.6.0", "pkg:pypi/requests@2.19.1", "2026-11-25T12:00:00Z"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s lacks %s", p, want)
			}
		}
	}
}

func TestNewRejectsBadSBOM(t *testing.T) {
	if _, err := New(Options{SBOMs: []SBOMRequest{{Format: "swid", Path: "x"}}}); err == nil {
		t.Error("unknown SBOM format accepted")
	}
}

// TestAliasMerge: two advisories sharing CVE-2020-8203 give one finding
// whose fixed version clears both.
func TestAliasMerge(t *testing.T) {
	c := run(t, Options{DBDir: testDB(t)}, "testdata/projects/npm")
	var lodash []string
	for _, f := range c.byRule(RuleVulnerable) {
		if f.Properties["package"] == "lodash" {
			lodash = append(lodash, f.Properties["advisory_ids"]+" fixed="+f.Properties["fixed_version"]+" src="+f.Properties["severity_source"]+" cvss="+f.Properties["cvss_score"])
		}
	}
	for _, f := range c.byRule(RuleVulnerable) {
		if f.OWASP2021 == nil || f.OWASP2021.ID != "A06" || f.OWASP2025 == nil || f.OWASP2025.ID != "A03" {
			t.Errorf("OWASP categories = %v, %v; want A06:2021 and A03:2025", f.OWASP2021, f.OWASP2025)
		}
	}
	want := []string{"GHSA-p6mc-m468-83gw,NPM-FIXTURE-0001,CVE-2020-8203 fixed=4.17.20 src=cvss_v3 cvss=7.4"}
	if diff := cmp.Diff(want, lodash); diff != "" {
		t.Errorf("lodash findings (-want +got):\n%s", diff)
	}
}
