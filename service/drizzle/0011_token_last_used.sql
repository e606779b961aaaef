ALTER TABLE `tokens` ADD `last_used_at` integer;
