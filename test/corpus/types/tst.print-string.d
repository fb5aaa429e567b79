/* print() of a string on its own shows it quoted, without the brackets a member gets. */
#pragma D option quiet
BEGIN { print("zone-a"); print(strjoin("x", "y")); exit(0); }
