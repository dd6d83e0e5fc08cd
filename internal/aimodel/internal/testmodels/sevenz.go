package testmodels

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"unicode/utf16"
)

// SevenZip builds a 7z archive of one solid folder holding the entries,
// packed with LZMA2 (or stored when lzma2 is false), the header itself
// LZMA2-encoded when encodeHeader is set, as 7-Zip writes by default.
func SevenZip(lzma2, encodeHeader bool, entries ...ZipEntry) []byte {
	var data []byte
	for _, e := range entries {
		data = append(data, e.Data...)
	}
	if lzma2 {
		return sevenZip(lzma2Coder, LZMA2(data), encodeHeader, entries)
	}
	return sevenZip(copyCoder, data, encodeHeader, entries)
}

// SevenZipAES builds a 7z archive whose folder claims 7-Zip's AES coder;
// the "encrypted" bytes are the entries as they are.
func SevenZipAES(entries ...ZipEntry) []byte {
	var data []byte
	for _, e := range entries {
		data = append(data, e.Data...)
	}
	return sevenZip([]byte{0x24, 0x06, 0xf1, 0x07, 0x01, 2, 0x01, 0x02}, data, true, entries)
}

// Coder records: flags (id size, 0x20 when properties follow), id, props.
var (
	copyCoder  = []byte{0x01, 0x00}
	lzma2Coder = []byte{0x21, 0x21, 1, DictProp}
)

func sevenZip(coder, packed []byte, encodeHeader bool, entries []ZipEntry) []byte {
	var data []byte
	for _, e := range entries {
		data = append(data, e.Data...)
	}
	var h bytes.Buffer
	h.WriteByte(0x01) // kHeader
	h.WriteByte(0x04) // kMainStreamsInfo
	streamsInfo(&h, 0, uint64(len(packed)), uint64(len(data)), coder)
	h.WriteByte(0x08) // kSubStreamsInfo
	h.WriteByte(0x0d)
	num(&h, uint64(len(entries)))
	if len(entries) > 1 {
		h.WriteByte(0x09)
		for _, e := range entries[:len(entries)-1] {
			num(&h, uint64(len(e.Data)))
		}
	}
	h.WriteByte(0x00)
	h.WriteByte(0x00) // end of streams info
	h.WriteByte(0x05) // kFilesInfo
	num(&h, uint64(len(entries)))
	var names bytes.Buffer
	names.WriteByte(0) // not external
	for _, e := range entries {
		for _, c := range utf16.Encode([]rune(e.Name)) {
			names.WriteByte(byte(c))
			names.WriteByte(byte(c >> 8))
		}
		names.Write([]byte{0, 0})
	}
	h.WriteByte(0x11)
	num(&h, uint64(names.Len()))
	h.Write(names.Bytes())
	h.WriteByte(0x00) // end of files info
	h.WriteByte(0x00) // end of header

	body := append([]byte(nil), packed...)
	header := h.Bytes()
	if encodeHeader {
		ph := LZMA2(header)
		body = append(body, ph...)
		var e bytes.Buffer
		e.WriteByte(0x17) // kEncodedHeader
		streamsInfo(&e, uint64(len(packed)), uint64(len(ph)), uint64(len(header)), lzma2Coder)
		e.WriteByte(0x00) // end of streams info
		header = e.Bytes()
	}
	var sh [32]byte
	copy(sh[:], "7z\xbc\xaf\x27\x1c\x00\x04")
	binary.LittleEndian.PutUint64(sh[12:], uint64(len(body)))
	binary.LittleEndian.PutUint64(sh[20:], uint64(len(header)))
	binary.LittleEndian.PutUint32(sh[28:], crc32.ChecksumIEEE(header))
	binary.LittleEndian.PutUint32(sh[8:], crc32.ChecksumIEEE(sh[12:]))
	return append(append(sh[:], body...), header...)
}

// streamsInfo writes PackInfo and UnPackInfo for one folder of one coder;
// the caller ends the streams info.
func streamsInfo(b *bytes.Buffer, packPos, packSize, unpackSize uint64, coder []byte) {
	b.WriteByte(0x06) // kPackInfo
	num(b, packPos)
	num(b, 1)
	b.WriteByte(0x09)
	num(b, packSize)
	b.WriteByte(0x00)
	b.WriteByte(0x07) // kUnPackInfo
	b.WriteByte(0x0b) // kFolder
	num(b, 1)
	b.WriteByte(0) // not external
	num(b, 1)      // one coder
	b.Write(coder)
	b.WriteByte(0x0c) // kCodersUnPackSize
	num(b, unpackSize)
	b.WriteByte(0x00)
}

// num writes a 7z number: one byte below 0x80, else 0xff and 8 bytes.
func num(b *bytes.Buffer, v uint64) {
	if v < 0x80 {
		b.WriteByte(byte(v))
		return
	}
	b.WriteByte(0xff)
	var x [8]byte
	binary.LittleEndian.PutUint64(x[:], v)
	b.Write(x[:])
}
