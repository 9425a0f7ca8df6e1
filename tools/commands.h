/*
 * commands.h -- one function per `mosaic` command, each in cmd_<name>.c.
 * SPDX-License-Identifier: MIT
 */
#ifndef MOSAIC_COMMANDS_H
#define MOSAIC_COMMANDS_H

int cmd_import(int argc, char **argv);
int cmd_posts(int argc, char **argv);
int cmd_profile(int argc, char **argv);
int cmd_forget(int argc, char **argv);
int cmd_scan(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_record(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_score(int argc, char **argv);

#endif
