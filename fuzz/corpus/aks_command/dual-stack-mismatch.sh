az aks create -g rg -n aks \
  --network-plugin azure --network-plugin-mode overlay \
  --ip-families ipv4,ipv6 \
  --pod-cidrs 10.244.0.0/16 \
  --service-cidrs 10.0.0.0/16,fd12:3456:789a:1::/64
