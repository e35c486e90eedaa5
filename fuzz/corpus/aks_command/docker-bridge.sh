az aks create \
  --resource-group rg \
  --name aks \
  --network-plugin azure \
  --network-plugin-mode overlay \
  --docker-bridge-address 172.17.0.1/16 \
  --generate-ssh-keys
