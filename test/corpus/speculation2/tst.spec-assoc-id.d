#pragma D option quiet
BEGIN { id["x"] = speculation(); }
BEGIN { speculate(id["x"]); printf("via assoc %d\n", id["x"]); }
BEGIN { commit(id["x"]); }
BEGIN { exit(0); }
