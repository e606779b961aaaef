ALTER TABLE `steps` ADD `violation_cases` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `steps` ADD `violated_rules` text;
--> statement-breakpoint
ALTER TABLE `steps` ADD `log_move_cases` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `steps` ADD `model_move_cases` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `steps` ADD `skipped_activities` text;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `violation_cases` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `violated_rules` text;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `log_move_cases` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `model_move_cases` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `skipped_activities` text;
--> statement-breakpoint
ALTER TABLE `steps` ADD `findings` text;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `findings` text;
