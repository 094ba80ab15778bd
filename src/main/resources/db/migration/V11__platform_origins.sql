-- Invigil schema version 11: the web origins a platform's pages were seen at in its own signed launches (the
-- launch_presentation return_url, the deep-linking return URL), so that the review screens can be framed by those
-- origins only (Content-Security-Policy frame-ancestors). Canvas cloud frames from the tenant's host, which is
-- neither its issuer nor its authorization endpoint. Space-separated, at most a few.
ALTER TABLE platform ADD COLUMN lms_origins VARCHAR(2000);
