/* With the empty option set, a script with no program in it compiles (and matches nothing). */
#pragma D option empty
