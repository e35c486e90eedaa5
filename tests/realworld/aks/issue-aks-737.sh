az group create --name some-testing-rg --location eastus

az aks create --name realtime-aks \
  --dns-service-ip 10.130.0.10 \
  --location eastus \
  --node-vm-size Standard_B2s \
  --resource-group some-testing-rg \
  --service-cidr 10.130.0.0/16
