//go:build ignore

package fixtures

import (
	"crypto/dsa"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

func keyAlgorithms() {
	var params dsa.Parameters
	// ruleid: go.crypto.weak-key-algorithm
	_ = dsa.GenerateParameters(&params, rand.Reader, dsa.L2048N256)
	// ruleid: go.crypto.weak-key-algorithm
	k1, _ := ecdsa.GenerateKey(elliptic.P224(), rand.Reader)
	// ok: go.crypto.weak-key-algorithm
	k2, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	// ok: go.crypto.weak-key-algorithm
	k3, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	_, _, _ = k1, k2, k3
}

func dial(addr string, creds credentials.TransportCredentials) {
	// ruleid: go.grpc.insecure-transport
	c1, _ := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	// ruleid: go.grpc.insecure-transport
	c2, _ := grpc.Dial(addr, grpc.WithInsecure())
	// ok: go.grpc.insecure-transport
	c3, _ := grpc.NewClient(addr, grpc.WithTransportCredentials(creds))
	// ok: go.grpc.insecure-transport
	c4, _ := grpc.NewClient("localhost:50051", grpc.WithTransportCredentials(insecure.NewCredentials()))
	_, _, _, _ = c1, c2, c3, c4
}

func writeKeys(dir string, pemBytes, report []byte, privateKeyPath string) {
	// ruleid: go.lang.secret-file-readable
	os.WriteFile(privateKeyPath, pemBytes, 0o644)
	// ruleid: go.lang.secret-file-readable
	os.WriteFile(dir+"/server.key", pemBytes, 0640)
	// ok: go.lang.secret-file-readable
	os.WriteFile(privateKeyPath, pemBytes, 0o600)
	// ok: go.lang.secret-file-readable
	os.WriteFile(dir+"/report.json", report, 0o644)
}
