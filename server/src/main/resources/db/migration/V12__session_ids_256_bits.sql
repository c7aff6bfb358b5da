-- Session ids of 256 random bits (43 base64url characters) instead of Spring Session's UUIDs (122 bits):
-- ASVS 5.0 7.2.3 asks for at least 128. Sessions that exist keep working: their ids still fit.
alter table spring_session alter column session_id type varchar(64);
