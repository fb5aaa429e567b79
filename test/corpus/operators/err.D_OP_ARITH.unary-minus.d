BEGIN { x = -"abc"; }
