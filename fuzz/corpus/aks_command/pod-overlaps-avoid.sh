az aks create -g rg -n aks \
  --network-plugin azure --network-plugin-mode overlay \
  --pod-cidr 192.168.0.0/16
