ALTER TABLE `logs` ADD `retention_years` integer;
