BEGIN { this->a[0] = 1; exit(0); }
