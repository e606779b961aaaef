ALTER TABLE `viewer_steps` ADD `d00` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d01` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d02` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d03` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d04` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d05` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d06` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d07` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d08` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d09` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d10` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d11` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d12` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d13` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d14` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d15` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d16` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d17` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d18` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d19` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d20` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d21` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d22` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d23` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d24` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d25` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d26` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d27` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d28` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d29` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d30` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d31` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d32` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d33` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d34` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d35` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d36` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d37` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d38` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d39` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d40` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d41` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d42` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d43` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d44` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d45` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d46` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d47` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d48` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d49` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d50` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d51` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d52` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d53` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d54` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d55` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d56` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d57` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d58` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d59` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d60` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d61` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d62` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d63` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d64` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d65` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d66` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d67` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d68` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d69` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d70` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d71` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d72` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d73` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `d74` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s00` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s01` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s02` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s03` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s04` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s05` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s06` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s07` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s08` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s09` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s10` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s11` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s12` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s13` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s14` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s15` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s16` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s17` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s18` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s19` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s20` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s21` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s22` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s23` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s24` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s25` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s26` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s27` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s28` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s29` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s30` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s31` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s32` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s33` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s34` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s35` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s36` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s37` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s38` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s39` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s40` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s41` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s42` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s43` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s44` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s45` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s46` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s47` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s48` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s49` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s50` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s51` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s52` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s53` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s54` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s55` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s56` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s57` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s58` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s59` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s60` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s61` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s62` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s63` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s64` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s65` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s66` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s67` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s68` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s69` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s70` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s71` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s72` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s73` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `s74` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d00` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d01` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d02` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d03` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d04` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d05` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d06` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d07` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d08` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d09` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d10` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d11` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d12` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d13` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d14` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d15` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d16` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d17` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d18` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d19` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d20` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d21` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d22` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d23` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d24` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d25` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d26` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d27` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d28` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d29` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d30` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d31` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d32` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d33` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d34` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d35` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d36` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d37` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d38` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d39` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d40` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d41` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d42` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d43` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d44` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d45` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d46` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d47` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d48` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d49` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d50` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d51` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d52` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d53` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d54` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d55` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d56` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d57` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d58` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d59` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d60` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d61` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d62` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d63` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d64` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d65` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d66` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d67` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d68` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d69` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d70` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d71` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d72` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d73` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `d74` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s00` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s01` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s02` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s03` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s04` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s05` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s06` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s07` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s08` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s09` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s10` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s11` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s12` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s13` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s14` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s15` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s16` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s17` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s18` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s19` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s20` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s21` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s22` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s23` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s24` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s25` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s26` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s27` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s28` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s29` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s30` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s31` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s32` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s33` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s34` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s35` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s36` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s37` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s38` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s39` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s40` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s41` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s42` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s43` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s44` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s45` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s46` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s47` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s48` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s49` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s50` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s51` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s52` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s53` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s54` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s55` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s56` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s57` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s58` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s59` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s60` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s61` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s62` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s63` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s64` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s65` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s66` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s67` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s68` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s69` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s70` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s71` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s72` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s73` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_edges` ADD `s74` real DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `variant_rank` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_steps` ADD `finished` integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_variants` ADD `variant_rank` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `viewer_variants` ADD `finished` integer DEFAULT 1 NOT NULL;
