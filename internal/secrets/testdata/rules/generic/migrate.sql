-- ruleid: secrets.generic-password
CREATE USER reporting WITH PASSWORD 'Rq7#mX2vLp9K';
-- ruleid: secrets.generic-password
ALTER ROLE app_rw PASSWORD 'Ty4!nB8wQz3M';
-- ok: secrets.generic-password
ALTER ROLE app_rw PASSWORD NULL;
-- ok: secrets.generic-password
SELECT id FROM users WHERE password_hash = crypt($1, password_hash);
