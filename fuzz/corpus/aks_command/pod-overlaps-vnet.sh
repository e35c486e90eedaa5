az aks create \
  --resource-group rg \
  --name aks \
  --network-plugin azure \
  --network-plugin-mode overlay \
  --pod-cidr 10.0.0.0/16 \
  --service-cidr 192.168.0.0/16 \
  --dns-service-ip 192.168.0.10
