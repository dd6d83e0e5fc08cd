package gha

import (
	"fmt"
	"slices"
	"strings"
)

// auditAction audits an action.yml: composite steps and Docker images.
func (s *scan) auditAction(content []byte) error {
	a, err := parseAction(content)
	if err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	if a == nil {
		return nil
	}
	if a.Image != nil && strings.HasPrefix(strings.TrimSpace(a.Image.Value), "docker://") {
		s.auditImage(a.Image, strings.TrimPrefix(strings.TrimSpace(a.Image.Value), "docker://"), "Docker action")
	}
	if a.Using == nil || !strings.EqualFold(strings.TrimSpace(a.Using.Value), "composite") {
		return nil
	}
	j := &Job{ID: &String{Value: "composite", Pos: &Pos{Line: 1, Col: 1}}, Steps: a.Steps}
	jc := &jobContext{job: j, env: newEnvScope(nil), stepOut: flows{}, needsOut: flows{}}
	jc.uploads = slices.ContainsFunc(a.Steps, func(st *Step) bool { return isUpload(usesOf(st)) })
	jc.publishes = slices.ContainsFunc(a.Steps, publishes)
	for i, st := range a.Steps {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		jc.index = i
		jc.rest = a.Steps[i+1:]
		s.auditStep(st, jc)
	}
	s.auditCheckoutCredentials(jc, a.Steps)
	return nil
}
