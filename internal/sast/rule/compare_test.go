package rule

import "testing"

func TestComparison(t *testing.T) {
	vars := map[string]any{"$A": int64(1024), "$S": "md5", "$T": "x"}
	lookup := func(n string) (any, bool) { v, ok := vars[n]; return v, ok }
	tests := map[string]bool{
		"$A < 2048":                   true,
		"$A >= 0x400 and $A <= 1_024": true,
		"not ($A == 1024)":            false,
		`$S == "md5" or $S == 'sha1'`: true,
		`$S != "md5"`:                 false,
		`int("2048") > $A`:            true,
		`str($A) == "1024"`:           true,
		"$A == $S":                    false,
		"$A != $S":                    true,
		"$MISSING < 3":                false,
		"($A < 1) or (($T == 'x'))":   true,
		"True and not False":          true,
	}
	for src, want := range tests {
		e, err := parseComparison(src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		v, ok := e.eval(lookup)
		got, isBool := v.(bool)
		if !isBool || !ok {
			got = false
		}
		if got != want {
			t.Errorf("%s = %v, want %v", src, got, want)
		}
	}
	for _, bad := range []string{"", "$A <", "(($A)", "$A ? 1", "'open", "int $A"} {
		if _, err := parseComparison(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// FuzzComparison parses and evaluates arbitrary comparison expressions.
func FuzzComparison(f *testing.F) {
	for _, s := range []string{"$A < 2048", "not ($X == 'a' or int($Y) >= 3)", "((((", "str(True)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := parseComparison(src)
		if err != nil {
			return
		}
		e.eval(func(string) (any, bool) { return int64(7), true })
	})
}
