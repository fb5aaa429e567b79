BEGIN { trace("this string is longer than thirty-three characters"); exit(0); }
