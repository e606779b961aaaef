ALTER TABLE `logs` ADD `purpose` text;
--> statement-breakpoint
ALTER TABLE `logs` ADD `legal_basis` text;
--> statement-breakpoint
ALTER TABLE `logs` ADD `controller` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `source_files` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `mapping` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `rules_name` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `rules_sha256` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `model_name` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `model_sha256` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `loaded_by` text;
