-- E-mail notifications: a webhook of format 'email' sends to its mailto: addresses over the configured SMTP server.
alter table webhooks drop constraint webhooks_format_check;
alter table webhooks add constraint webhooks_format_check check (format in ('json', 'slack', 'email'));
