/* outer /* inner */
BEGIN { exit(0); }
