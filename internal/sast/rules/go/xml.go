//go:build ignore

package fixtures

import (
	"encoding/xml"
	"io"

	"github.com/lestrrat-go/libxml2/parser"
)

func parseInvoice(body string) error {
	// ruleid: go.xml.libxml2-external-entities
	p := parser.New(parser.XMLParseNoEnt)
	doc, err := p.ParseString(body)
	if err != nil {
		return err
	}
	defer doc.Free()
	// ruleid: go.xml.libxml2-external-entities
	withDTD := parser.New(parser.XMLParseDTDLoad | parser.XMLParseNoNet)
	_, err = withDTD.ParseString(body)
	return err
}

func parseSafe(body string, r io.Reader) error {
	// ok: go.xml.libxml2-external-entities
	p := parser.New(parser.XMLParseNoNet)
	if _, err := p.ParseString(body); err != nil {
		return err
	}
	var v struct{ Total int }
	// ok: go.xml.libxml2-external-entities
	return xml.NewDecoder(r).Decode(&v)
}
