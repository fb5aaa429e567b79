sdt:::zsd-create-start /
