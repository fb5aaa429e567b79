/*
 * The usage message (dtrace(1)'s layout, zsdtrace's options) and the version string.
 */

export const VERSION = '0.1.0';

export function versionText(progname: string): string {
  return `${progname}: Sun D 1.13 (zsdtrace ${VERSION})\n`;
}

export function usageText(progname: string): string {
  return `Usage: ${progname} [-CeFlqvVwZ] [-b bufsz] [-c cmd|workload] [-D name[=def]]
	[-I path] [-o output] [-p pid] [-s script] [-U name] [-x opt[=val]]
	[--seed N] [--algorithm current|legacy] [--policy random|round-robin|pct]
	[--workload name|file.json] [--param name=N] [--duration 5s] [--fast]
	[--format text|json|folded] [--tui] [--otlp [URL]] [--otlp-protocol json|protobuf]
	[--otlp-filter ops] [--publish-after-create]

	[-P provider [[ predicate ] action ]]
	[-m [ provider: ] module [[ predicate ] action ]]
	[-f [[ provider: ] module: ] func [[ predicate ] action ]]
	[-n [[[ provider: ] module: ] func: ] name [[ predicate ] action ]]
	[-s script [ args ... ]]
	[-i probe-id [[ predicate ] action ]] [ args ... ]

       ${progname} verify [--workload W] [--seeds N | --seed S --replay]
	[--algorithm current|legacy] [--policy random|round-robin|pct]
	[--exhaustive [--preemptions K]] [--replay FILE] [--shard I/N] [--json]
	[--require-coverage items]   (all options: ${progname} verify --help)
       ${progname} verify merge a.json b.json ...

	predicate -> '/' D-expression '/'
	   action -> '{' D-statements '}'

	-b  set trace buffer size
	-c  run a Node.js command and trace it, or a built-in or JSON workload on virtual time
	-C  run cpp(1) preprocessor on script files
	-D  define symbol when invoking preprocessor
	-e  exit after compiling request but prior to enabling probes
	-f  enable or list probes matching the specified function name
	-F  coalesce trace output by function
	-i  enable or list probes matching the specified probe id
	-I  add include directory to preprocessor search path
	-l  list probes matching specified criteria
	-m  enable or list probes matching the specified module name
	-n  enable or list probes matching the specified probe name
	-o  set output file
	-p  grab the specified Node.js process and trace it
	-P  enable or list probes matching the specified provider name
	-q  set quiet mode (only output explicitly traced data)
	-s  enable or list probes according to the specified D script
	-U  undefine symbol when invoking preprocessor
	-v  set verbose mode (report stability attributes, arguments)
	-V  report DTrace API version
	-w  permit destructive actions
	-x  enable or modify compiler and tracing options
	-Z  permit probe descriptions that match zero probes
`;
}
