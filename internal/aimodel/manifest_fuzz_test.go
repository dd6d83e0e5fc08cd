package aimodel

import "testing"

// FuzzParseManifest feeds arbitrary bytes to every manifest parser and to
// the chat-template check.
func FuzzParseManifest(f *testing.F) {
	f.Add([]byte("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  model.safetensors\n"))
	f.Add([]byte(`{"files": [{"path": "a", "sha256": "00"}]}`))
	f.Add([]byte(`{"dsseEnvelope": {"payload": "eyJzdWJqZWN0IjpbXX0=", "payloadType": "application/vnd.in-toto+json"}}`))
	f.Add([]byte(`{{ x.__class__ }}{% import 'a' as b %}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, k := range []manifestKind{manifestSums, manifestJSON, manifestSig} {
			entries, _ := parseManifest(k, "dir/model.sha256", b)
			if len(entries) > maxManifestEntries {
				t.Fatalf("%d entries", len(entries))
			}
		}
		templateConstructs(string(b))
	})
}
