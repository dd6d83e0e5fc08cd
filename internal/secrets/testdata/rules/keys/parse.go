package keys

import "strings"

// ok: secrets.private-key
const rsaHeader = "-----BEGIN RSA PRIVATE KEY-----"

func isPrivateKey(s string) bool {
	// ok: secrets.private-key
	return strings.HasPrefix(s, "-----BEGIN PRIVATE KEY-----") || strings.HasPrefix(s, rsaHeader)
}

// ok: secrets.private-key
const authorized = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk2v9bXq3PtR8mZcL0fYwN5sJ4gD7aE1uK6hT2oV9xQ deploy@ci"

// ok: secrets.private-key
const doc = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----"

// ruleid: secrets.private-key
const embedded = "-----BEGIN EC PRIVATE KEY-----\n6R3X5ezqqBPrHLV9SkmYO/OGe2ifyVQyTi+7flbqWgVtdXm7fW3+M65d0IDHDh80\n96yduRnU2LY4Gw0XZi9GOSdOODyAcZypMOFVcqjpDSaYgqW3D9wTjWCm8MgWjRn7\naxgXaDvML5JYnKX+uj/QYkP74lb/mOsx78RaeRZgTWs7vANA+E9NUYzKDPVKdvR0\n-----END EC PRIVATE KEY-----"
