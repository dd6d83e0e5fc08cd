package generic

import (
	"os"
	"testing"
)

func TestClient(t *testing.T) {
	// ruleid: secrets.generic-secret
	os.Setenv("PAYMENTS_API_TOKEN", "r5Tq8Lx2Zk9Wm3Vp7Nb4Yc6H")
	// ok: secrets.generic-secret
	os.Setenv("PAYMENTS_API_TOKEN", os.Getenv("CI_PAYMENTS_TOKEN"))
	// Comments hold literals too:
	// ruleid: secrets.generic-password
	// password: Lx8!mQ2vZk7R
	run(t)
}
