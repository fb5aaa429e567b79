BEGIN { exit(0); } // not a D comment
