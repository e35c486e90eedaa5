az aks create ^
  --resource-group rg-app ^
  --name aks-app ^
  --network-plugin=azure ^
  --network-plugin-mode=overlay ^
  --pod-cidr=100.64.0.0/12
