➜  ~ etcdctl set /coreos.com/network/config '{
                                          "Network": "10.0.0.0/32",
                                          "Backend": {
                                            "Type": "alloc"          
                                          }
                                        }'
