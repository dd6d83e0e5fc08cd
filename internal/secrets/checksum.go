package secrets

import "hash/crc32"

// base62Digits is the alphabet GitHub and npm use for token checksums.
const base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// crcTokenLen is the length of the random part of a GitHub classic or npm
// token and crcLen the length of the base62 CRC32 that follows it.
const (
	crcTokenLen = 30
	crcLen      = 6
)

// base62CRC encodes the CRC32 (IEEE) of s in base62, left-padded with '0'
// to six characters.
func base62CRC(s string) string {
	v := crc32.ChecksumIEEE([]byte(s))
	var buf [crcLen]byte
	for i := crcLen - 1; i >= 0; i-- {
		buf[i] = base62Digits[v%62]
		v /= 62
	}
	return string(buf[:])
}

// validCRCToken reports whether body (the token without its "ghp_" or
// "npm_" prefix) is 30 random characters followed by their base62 CRC32.
func validCRCToken(body string) bool {
	if len(body) != crcTokenLen+crcLen {
		return false
	}
	return base62CRC(body[:crcTokenLen]) == body[crcTokenLen:]
}
