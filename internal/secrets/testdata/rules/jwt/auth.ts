import { verify } from './jwt';

// ruleid: secrets.jwt
const serviceToken = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTcxNjIwMDAwMCwic2NvcGUiOiJwYXltZW50czp3cml0ZSJ9.wv15iC4x5j41X61tcI88sPOoZVF8V5zpwz6lkOjxjd_';
// ruleid: secrets.jwt
const headers = { Authorization: `Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2F1dGguYWNtZS5pbyIsInN1YiI6InVzZXItODgxMiIsImV4cCI6MTg5MzQ1NjAwMH0.iFZVZsZ3G-ySSZ3N64wHt1p9Y6hLYOjGTzgObaNDuiM4dVskXyd5xjmZRdWrzNcrTWeXl-wuqaG7t_9ahfyVkJ` };
// The example token from the JWT documentation.
// ok: secrets.jwt
const sample = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
// An unsigned token carries no credential.
// ok: secrets.jwt
const unsigned = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyLTEyMyJ9.';
// ok: secrets.jwt
const header = 'eyJhbGciOiJIUzI1NiJ9';
